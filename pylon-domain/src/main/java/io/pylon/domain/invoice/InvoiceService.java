package io.pylon.domain.invoice;

import io.pylon.domain.common.Transactions;
import io.pylon.domain.invoice.InvoiceOutcome.Done;
import io.pylon.domain.invoice.InvoiceOutcome.Reason;
import io.pylon.domain.invoice.InvoiceOutcome.Refused;
import io.pylon.domain.invoice.InvoiceRepository.Details;
import io.pylon.domain.money.Money;
import io.pylon.domain.order.Order;
import io.pylon.domain.order.OrderRepository;
import io.pylon.domain.order.OrderState;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Invoice requests (发票申请) over settled orders. The amount is computed here, never taken from the caller: for each
 * order what was paid minus what has been refunded. All orders must be SETTLED, of one operator and paid by the
 * driver asking; an order is on at most one open (requested or issued) invoice.
 *
 * <p>Used by the staff API and by the driver's app ({@link #request}, {@link #cancelByDriver}). Callers check that
 * the person may act for the operator and driver; this service checks the orders.
 */
public final class InvoiceService {

    /** Most orders one invoice may cover. */
    public static final int MAX_ORDERS = 100;
    static final int MAX_EMAIL = 200;
    static final int MAX_TEXT = 300;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final InvoiceRepository invoices;
    private final OrderRepository orders;
    private final Transactions tx;
    private final Clock clock;

    public InvoiceService(InvoiceRepository invoices, OrderRepository orders, Transactions tx, Clock clock) {
        this.invoices = Objects.requireNonNull(invoices);
        this.orders = Objects.requireNonNull(orders);
        this.tx = Objects.requireNonNull(tx);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Requests an invoice for the driver over their settled orders.
     *
     * @param operatorId  the driver's operator: every order must be this operator's
     * @param requestedBy {@code driver:<id>} from the app, or the staff member who recorded it
     * @throws IllegalArgumentException naming the field, for a malformed e-mail or order list
     */
    public InvoiceOutcome request(long operatorId, long driverId, List<Long> orderIds, InvoiceTitle title, String email,
                                  String requestedBy) {
        Objects.requireNonNull(title, "title");
        String mail = email(email);
        List<Long> ids = orderIds(orderIds);
        return tx.inTransaction(() -> {
            Map<Long, Money> amounts = new LinkedHashMap<>();
            for (long id : ids) {
                Optional<Order> order = orders.find(id).filter(o -> Objects.equals(o.operatorId(), operatorId));
                if (order.isEmpty()) return new Refused(Reason.ORDER_NOT_FOUND, "order " + id);
                Optional<Refused> refused = invoiceable(order.get(), driverId);
                if (refused.isPresent()) return refused.get();
                amounts.put(id, net(order.get()));
            }
            Money amount = amounts.values().stream().reduce(Money::plus).orElseThrow();
            Optional<Invoice> stored = invoices.insert(new NewInvoice(operatorId, driverId, title, mail, amount, amounts,
                    requestedBy, clock.instant()));
            return stored.<InvoiceOutcome>map(Done::new).orElseGet(() ->
                    new Refused(Reason.ALREADY_INVOICED, "an order is already on a requested or issued invoice"));
        });
    }

    /**
     * Records the invoice the operator issued. Refused when the orders were refunded since the request (the amount
     * would be wrong): reject it and let the driver request again.
     */
    public InvoiceOutcome issue(long invoiceId, String invoiceNumber, Instant issuedAt, String pdfUrl) {
        String number = text(invoiceNumber, "invoiceNumber", 64);
        String pdf = pdfUrl == null || pdfUrl.isBlank() ? null : text(pdfUrl, "pdfUrl", 500);
        return tx.inTransaction(() -> {
            Invoice invoice = invoices.find(invoiceId).orElseThrow();
            if (invoice.status() != InvoiceStatus.REQUESTED) return wrongStatus(invoice);
            Money now = invoice.orderIds().stream().map(id -> orders.find(id).map(InvoiceService::net)
                    .orElse(Money.zero(invoice.amount().currency()))).reduce(Money::plus).orElseThrow();
            if (!now.equals(invoice.amount())) {
                return new Refused(Reason.AMOUNT_CHANGED, "the orders now come to " + now.amount().toPlainString()
                        + ", the request says " + invoice.amount().amount().toPlainString());
            }
            Instant at = issuedAt == null ? clock.instant() : issuedAt;
            return move(invoice, InvoiceStatus.ISSUED, new Details(number, at, pdf, null));
        });
    }

    /** The operator refuses the request; its orders may be invoiced again. */
    public InvoiceOutcome reject(long invoiceId, String reason) {
        String why = text(reason, "reason", MAX_TEXT);
        return tx.inTransaction(() -> {
            Invoice invoice = invoices.find(invoiceId).orElseThrow();
            if (invoice.status() != InvoiceStatus.REQUESTED) return wrongStatus(invoice);
            return move(invoice, InvoiceStatus.REJECTED, new Details(null, null, null, why));
        });
    }

    /** Withdraws a request that has not been issued yet; its orders may be invoiced again. */
    public InvoiceOutcome cancel(long invoiceId) {
        return tx.inTransaction(() -> {
            Invoice invoice = invoices.find(invoiceId).orElseThrow();
            if (invoice.status() != InvoiceStatus.REQUESTED) return wrongStatus(invoice);
            return move(invoice, InvoiceStatus.CANCELLED, Details.NONE);
        });
    }

    /** The driver withdraws their own request; another driver's invoice is as missing as one that does not exist. */
    public InvoiceOutcome cancelByDriver(long driverId, long invoiceId) {
        Invoice invoice = invoices.find(invoiceId).filter(i -> i.driverId() == driverId).orElseThrow();
        return cancel(invoice.id());
    }

    /** What an order contributes to an invoice: paid minus refunded. */
    static Money net(Order order) {
        return order.payable().minus(order.refunded());
    }

    private static Optional<Refused> invoiceable(Order order, long driverId) {
        if (order.state() != OrderState.SETTLED) {
            return Optional.of(new Refused(Reason.ORDER_NOT_SETTLED, "order " + order.id() + " is " + order.state()));
        }
        if (!Objects.equals(order.driverId(), driverId)) {
            return Optional.of(new Refused(Reason.OTHER_DRIVER, "order " + order.id() + " was paid by another driver"));
        }
        if (!net(order).isPositive()) {
            return Optional.of(new Refused(Reason.NOTHING_PAID, "order " + order.id() + " has nothing paid to invoice"));
        }
        return Optional.empty();
    }

    private InvoiceOutcome move(Invoice invoice, InvoiceStatus to, Details details) {
        if (!invoices.transition(invoice.id(), invoice.status(), to, details, clock.instant())) {
            return wrongStatus(invoices.find(invoice.id()).orElseThrow());
        }
        return new Done(invoices.find(invoice.id()).orElseThrow());
    }

    private static Refused wrongStatus(Invoice invoice) {
        return new Refused(Reason.WRONG_STATUS, "invoice " + invoice.id() + " is " + invoice.status());
    }

    private static List<Long> orderIds(List<Long> orderIds) {
        if (orderIds == null || orderIds.isEmpty()) throw new IllegalArgumentException("orderIds: name at least one order");
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        for (Long id : orderIds) {
            if (id == null) throw new IllegalArgumentException("orderIds: must not contain null");
            if (!ids.add(id)) throw new IllegalArgumentException("orderIds: order " + id + " is named twice");
        }
        if (ids.size() > MAX_ORDERS) throw new IllegalArgumentException("orderIds: at most " + MAX_ORDERS + " orders");
        return List.copyOf(ids);
    }

    private static String email(String email) {
        String mail = text(email, "email", MAX_EMAIL);
        if (!EMAIL.matcher(mail).matches()) throw new IllegalArgumentException("email: not an e-mail address");
        return mail;
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + ": must not be blank");
        String text = value.strip();
        if (text.length() > max) throw new IllegalArgumentException(field + ": at most " + max + " characters");
        return text;
    }
}
