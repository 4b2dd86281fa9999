package io.pylon.server.me;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.driver.Driver;
import io.pylon.domain.ledger.AccountRef;
import io.pylon.domain.ledger.EntryKind;
import io.pylon.domain.ledger.JournalEntry;
import io.pylon.domain.ledger.WalletBalance;
import io.pylon.domain.ledger.WalletService;
import io.pylon.domain.money.Money;
import io.pylon.domain.payment.PaymentRecord;
import io.pylon.domain.payment.PaymentService;
import io.pylon.domain.payment.PaymentStatus;
import io.pylon.domain.payment.TopUpStart;
import io.pylon.server.api.PageResponse;
import io.pylon.server.api.WalletController;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqLedger;
import io.pylon.server.persistence.JooqPayments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * The driver's own wallet: balance, statement and top-ups through a payment provider. A top-up creates a pending
 * payment and answers what the app needs to pay it; the provider's signed callback
 * ({@code /api/v1/payments/callbacks/{provider}}) credits the wallet, and the app polls the payment to see it paid.
 */
@Tag(name = "Driver app")
@Validated
@RestController
@RequestMapping("/api/v1/me/wallet")
public class MeWalletController {

    /** {@code minimumToStart} is what a session start holds; {@code canStart} whether available covers it. */
    public record MyBalanceView(Money available, Money onHold, Money total, Money minimumToStart, boolean canStart) {}

    /** One movement of the driver's money: the signed change of available and of on-hold balance. */
    public record MyEntryView(EntryKind kind, String reference, Instant createdAt, String note, Money available, Money onHold) {}

    /** @param amount in major units of the operator's currency, e.g. "50.00"; provider e.g. {@code hmac} */
    public record MyTopUpRequest(@NotNull BigDecimal amount, @NotBlank @Size(max = 32) String provider) {}

    /** A top-up: {@code clientParameters} is what the app passes to the provider's SDK (only when just created). */
    public record MyPaymentView(long id, String merchantOrderId, PaymentStatus status, Money amount, String provider,
                              Instant createdAt, Instant paidAt, Map<String, String> clientParameters) {
        static MyPaymentView of(PaymentRecord p, Map<String, String> clientParameters) {
            return new MyPaymentView(p.id(), p.merchantOrderId(), p.status(), p.amount(), p.provider(), p.createdAt(),
                    p.paidAt(), clientParameters);
        }
    }

    private final Me me;
    private final WalletService wallets;
    private final StartChecks starts;
    private final JooqLedger ledger;
    private final PaymentService payments;
    private final JooqPayments paymentRecords;
    private final AuditLog audit;

    public MeWalletController(Me me, WalletService wallets, StartChecks starts, JooqLedger ledger, PaymentService payments,
                              JooqPayments paymentRecords, AuditLog audit) {
        this.me = me;
        this.wallets = wallets;
        this.starts = starts;
        this.ledger = ledger;
        this.payments = payments;
        this.paymentRecords = paymentRecords;
        this.audit = audit;
    }

    @Operation(summary = "My balance: available, on hold for running sessions, and what a start needs")
    @GetMapping
    public MyBalanceView balance() {
        Driver driver = me.driver();
        var currency = me.operatorOf(driver).currency();
        WalletBalance b = wallets.balance(driver.operatorId(), driver.id(), currency);
        Money minimum = starts.minimumToStart(currency);
        return new MyBalanceView(b.available(), b.onHold(), b.total(), minimum, b.available().compareTo(minimum) >= 0);
    }

    @Operation(summary = "My statement, newest first: top-ups, holds, payments of sessions, refunds, payouts")
    @GetMapping("/entries")
    public PageResponse<MyEntryView> entries(@RequestParam(defaultValue = "0") @Min(0) int page,
                                           @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        Driver driver = me.driver();
        var entries = ledger.statement(driver.operatorId(), driver.id(), new PageRequest(page, size));
        AccountRef wallet = AccountRef.wallet(driver.operatorId(), driver.id());
        AccountRef holds = AccountRef.holds(driver.operatorId(), driver.id());
        return PageResponse.of(entries, e -> view(e, wallet, holds));
    }

    @Operation(summary = "Start a top-up through a payment provider",
            description = "Creates a pending payment; the answer carries what the app needs to pay. The wallet is "
                    + "credited when the provider's signed callback arrives; poll GET /me/wallet/payments/{id}.")
    @PostMapping("/top-ups")
    @ResponseStatus(HttpStatus.CREATED)
    public MyPaymentView topUp(@Valid @RequestBody MyTopUpRequest r) {
        Driver driver = me.driver();
        Money amount = WalletController.amount(r.amount(), me.operatorOf(driver).currency());
        return switch (payments.startTopUp(driver.operatorId(), driver.id(), amount, r.provider())) {
            case TopUpStart.Rejected rejected -> throw new IllegalArgumentException("provider: no payment provider named " + r.provider());
            case TopUpStart.Started started -> {
                audit.record(Me.actor(driver), driver.operatorId(), AuditLog.Action.CREATE, "payment", started.payment().id(),
                        null, MyPaymentView.of(started.payment(), Map.of()));
                yield MyPaymentView.of(started.payment(), started.intent().clientParameters());
            }
        };
    }

    @Operation(summary = "One of my top-ups, to see whether it was paid")
    @GetMapping("/payments/{id}")
    public MyPaymentView payment(@PathVariable long id) {
        Driver driver = me.driver();
        return paymentRecords.find(id).filter(p -> p.driverId() == driver.id() && p.operatorId() == driver.operatorId())
                .map(p -> MyPaymentView.of(p, Map.of())).orElseThrow(() -> new NoSuchElementException("Payment " + id));
    }

    private static MyEntryView view(JournalEntry e, AccountRef wallet, AccountRef holds) {
        return new MyEntryView(e.kind(), e.reference(), e.createdAt(), e.note(), e.amountTo(wallet), e.amountTo(holds));
    }
}
