package io.pylon.domain.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.domain.billing.Bill;
import io.pylon.domain.billing.BillLine;
import io.pylon.domain.billing.IdleCharge;
import io.pylon.domain.common.Transactions;
import io.pylon.domain.invoice.InvoiceOutcome.Done;
import io.pylon.domain.invoice.InvoiceOutcome.Reason;
import io.pylon.domain.invoice.InvoiceOutcome.Refused;
import io.pylon.domain.invoice.InvoiceTitle.Kind;
import io.pylon.domain.money.Money;
import io.pylon.domain.order.Order;
import io.pylon.domain.order.OrderRepository;
import io.pylon.domain.order.OrderState;
import io.pylon.domain.tariff.Band;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvoiceServiceTest {

    private static final long OPERATOR = 7;
    private static final long DRIVER = 70;
    private static final Instant NOW = Instant.parse("2030-03-01T08:00:00Z");
    private static final InvoiceTitle COMPANY = new InvoiceTitle(Kind.COMPANY, "Hangzhou Pylon Ltd", "91330100MA2XXXXX1Y");

    private final Map<Long, Order> orders = new HashMap<>();
    private final InMemoryInvoices invoices = new InMemoryInvoices();
    private final Transactions tx = new Transactions() {
        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
            return work.get();
        }
    };
    private final InvoiceService service = new InvoiceService(invoices, orderStore(), tx, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theAmountIsWhatWasPaidMinusRefundsOverAllOrders() {
        order(1, OrderState.SETTLED, DRIVER, "12.40", "0.00");
        order(2, OrderState.SETTLED, DRIVER, "30.00", "7.55");
        var outcome = service.request(OPERATOR, DRIVER, List.of(1L, 2L), COMPANY, " li@example.cn ", "driver:70");
        Invoice invoice = ((Done) outcome).invoice();
        assertThat(invoice.amount()).isEqualTo(Money.of("34.85", "CNY"));
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.REQUESTED);
        assertThat(invoice.email()).isEqualTo("li@example.cn");
        assertThat(invoice.orderIds()).containsExactly(1L, 2L);
    }

    @Test
    void onlySettledOrdersOfTheSameOperatorAndDriverWithSomethingPaid() {
        order(1, OrderState.FINISHED, DRIVER, "5.00", "0");
        order(2, OrderState.SETTLED, 71L, "5.00", "0");
        order(3, OrderState.REFUNDED, DRIVER, "5.00", "5.00");
        order(4, OrderState.SETTLED, DRIVER, "0.00", "0");
        orders.put(5L, withOperator(order(5, OrderState.SETTLED, DRIVER, "5.00", "0"), 8L));
        assertThat(reason(List.of(1L))).isEqualTo(Reason.ORDER_NOT_SETTLED);
        assertThat(reason(List.of(2L))).isEqualTo(Reason.OTHER_DRIVER);
        assertThat(reason(List.of(3L))).isEqualTo(Reason.ORDER_NOT_SETTLED);
        assertThat(reason(List.of(4L))).isEqualTo(Reason.NOTHING_PAID);
        assertThat(reason(List.of(5L))).as("another operator's order is missing").isEqualTo(Reason.ORDER_NOT_FOUND);
        assertThat(reason(List.of(99L))).isEqualTo(Reason.ORDER_NOT_FOUND);
        assertThat(invoices.invoices).isEmpty();
    }

    @Test
    void anOrderIsOnOneOpenInvoiceUntilThatOneIsRejectedOrCancelled() {
        order(1, OrderState.SETTLED, DRIVER, "10.00", "0");
        order(2, OrderState.SETTLED, DRIVER, "20.00", "0");
        long first = ((Done) service.request(OPERATOR, DRIVER, List.of(1L), COMPANY, "a@b.cn", "x")).invoice().id();
        assertThat(reason(List.of(2L, 1L))).isEqualTo(Reason.ALREADY_INVOICED);
        assertThat(service.reject(first, "wrong title")).isInstanceOf(Done.class);
        var second = (Done) service.request(OPERATOR, DRIVER, List.of(2L, 1L), COMPANY, "a@b.cn", "x");
        assertThat(second.invoice().amount()).isEqualTo(Money.of("30.00", "CNY"));
        assertThat(service.cancelByDriver(DRIVER, second.invoice().id())).isInstanceOf(Done.class);
        assertThat(service.request(OPERATOR, DRIVER, List.of(1L), COMPANY, "a@b.cn", "x")).isInstanceOf(Done.class);
    }

    @Test
    void issuedOnceWithItsNumberAndNeverAfterARefundChangedTheAmount() {
        order(1, OrderState.SETTLED, DRIVER, "10.00", "0");
        order(2, OrderState.SETTLED, DRIVER, "10.00", "0");
        long a = ((Done) service.request(OPERATOR, DRIVER, List.of(1L), COMPANY, "a@b.cn", "x")).invoice().id();
        long b = ((Done) service.request(OPERATOR, DRIVER, List.of(2L), COMPANY, "a@b.cn", "x")).invoice().id();
        Invoice issued = ((Done) service.issue(a, "044001900111-12345678", null, "https://invoices.example/1.pdf")).invoice();
        assertThat(issued.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(issued.invoiceNumber()).isEqualTo("044001900111-12345678");
        assertThat(issued.issuedAt()).isEqualTo(NOW);
        assertThat(((Refused) service.issue(a, "again", null, null)).reason()).isEqualTo(Reason.WRONG_STATUS);
        assertThat(((Refused) service.cancel(a)).reason()).isEqualTo(Reason.WRONG_STATUS);
        order(2, OrderState.SETTLED, DRIVER, "10.00", "1.00");
        assertThat(((Refused) service.issue(b, "N-2", null, null)).reason()).isEqualTo(Reason.AMOUNT_CHANGED);
    }

    @Test
    void taxNumbersAndAddressesAreChecked() {
        assertThat(new InvoiceTitle(Kind.COMPANY, "Co", "91330100ma2xxxxx1y").taxNumber()).isEqualTo("91330100MA2XXXXX1Y");
        assertThat(new InvoiceTitle(Kind.COMPANY, "Co", "110108123456789").taxNumber()).hasSize(15);
        assertThat(new InvoiceTitle(Kind.COMPANY, "Co", "11010812345678901234").taxNumber()).hasSize(20);
        assertThat(new InvoiceTitle(Kind.PERSONAL, "Li Lei", null).taxNumber()).isNull();
        for (String bad : new String[] {"1234567890123456", "91330100MA2XXXXX1", "9133010-MA2XXXXX1Y", ""}) {
            assertThatThrownBy(() -> new InvoiceTitle(Kind.COMPANY, "Co", bad)).hasMessageStartingWith("taxNumber:");
        }
        assertThatThrownBy(() -> new InvoiceTitle(Kind.PERSONAL, "Li", "110108123456789")).hasMessageStartingWith("taxNumber:");
        order(1, OrderState.SETTLED, DRIVER, "10.00", "0");
        assertThatThrownBy(() -> service.request(OPERATOR, DRIVER, List.of(1L), COMPANY, "no-at-sign", "x"))
                .hasMessageStartingWith("email:");
        assertThatThrownBy(() -> service.request(OPERATOR, DRIVER, List.of(1L, 1L), COMPANY, "a@b.cn", "x"))
                .hasMessageStartingWith("orderIds:");
        assertThatThrownBy(() -> service.request(OPERATOR, DRIVER, List.of(), COMPANY, "a@b.cn", "x"))
                .hasMessageStartingWith("orderIds:");
    }

    private Reason reason(List<Long> ids) {
        return ((Refused) service.request(OPERATOR, DRIVER, ids, COMPANY, "a@b.cn", "x")).reason();
    }

    private Order order(long id, OrderState state, long driver, String payable, String refunded) {
        var cny = java.util.Currency.getInstance("CNY");
        Money amount = Money.of(payable, "CNY");
        Bill bill = new Bill(cny, 1, 1, List.of(new BillLine(Band.FLAT, amount.minorUnits() * 10, new BigDecimal("1.00000"),
                BigDecimal.ZERO.setScale(5), amount, Money.zero(cny))), new IdleCharge(0, 0, Money.zero(cny), false),
                Money.zero(cny), List.of(), java.util.Set.of());
        Order order = new Order(id, id, OPERATOR, 1L, "CP", 1, "TAG", driver, state, cny, NOW, NOW, bill.energyWh(), bill,
                Money.of(refunded, "CNY"), null, 0, null, NOW, NOW, null, null);
        orders.put(id, order);
        return order;
    }

    private static Order withOperator(Order o, long operatorId) {
        return new Order(o.id(), o.sessionId(), operatorId, o.stationId(), o.chargerId(), o.connectorId(), o.idTag(),
                o.driverId(), o.state(), o.currency(), o.startedAt(), o.stoppedAt(), o.energyWh(), o.bill(), o.refunded(),
                o.abnormalReason(), o.points(), o.carbonSavedKg(), o.createdAt(), o.settledAt(), o.idleFrom(), o.pluggedOutAt());
    }

    /** Only {@code find} is used by the invoice service. */
    private OrderRepository orderStore() {
        return (OrderRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {OrderRepository.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("find")) return Optional.ofNullable(orders.get((Long) args[0]));
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
