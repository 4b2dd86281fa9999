package io.pylon.server.api;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.driver.Driver;
import io.pylon.domain.ledger.AccountType;
import io.pylon.domain.ledger.EntryKind;
import io.pylon.domain.ledger.JournalEntry;
import io.pylon.domain.ledger.PayoutOutcome;
import io.pylon.domain.ledger.Rejected;
import io.pylon.domain.ledger.TopUpOutcome;
import io.pylon.domain.ledger.WalletBalance;
import io.pylon.domain.ledger.WalletService;
import io.pylon.domain.money.Money;
import io.pylon.domain.payment.CallbackOutcome;
import io.pylon.domain.payment.HmacPaymentProvider;
import io.pylon.domain.payment.ManualPayment;
import io.pylon.domain.payment.PaymentRecord;
import io.pylon.domain.payment.PaymentService;
import io.pylon.domain.payment.PaymentStatus;
import io.pylon.domain.payment.TopUpStart;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqDrivers;
import io.pylon.server.persistence.JooqLedger;
import io.pylon.server.persistence.JooqOperators;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.*;

/**
 * Drivers' wallets in the operators' books: balances, statements, top-ups recorded by staff, payouts, top-ups through
 * a payment provider and its signed callbacks, and the trial balance. Amounts are decimal strings in major units of
 * the driver's operator's currency ({@code "50.00"} for ¥50); requests take a string or a number.
 */
@Tag(name = "Wallet", description = "Drivers' prepaid wallets, top-ups, payouts, payment callbacks and the books")
@Validated
@RestController
@RequestMapping("/api/v1")
public class WalletController {

    /** Largest callback body read; a gateway's notification is a few hundred bytes. */
    static final int MAX_CALLBACK_BYTES = 64 * 1024;
    /** Whole units an amount may have: far above any top-up, far below what minor units in a bigint can hold. */
    static final int MAX_WHOLE_DIGITS = 12;

    /**
     * Money the operator received itself.
     *
     * @param reference      the receipt or bank reference (kept in the ledger reference)
     * @param idempotencyKey one per form submission: a retry with the same key credits once
     */
    public record TopUpRequest(@NotNull BigDecimal amount, @NotNull ManualPayment.Method method,
                               @NotBlank @Size(max = 100) String reference,
                               @NotBlank @Size(max = 100) String idempotencyKey) {}

    /** Available balance paid back to the driver (@param reference the bank transfer or cash receipt). */
    public record PayoutRequest(@NotNull BigDecimal amount, @NotBlank @Size(max = 100) String reference,
                                @NotBlank @Size(max = 100) String idempotencyKey) {}

    /** A top-up the driver pays through a provider ({@code hmac}: the generic signed gateway). */
    public record PaymentStartRequest(@NotNull BigDecimal amount, @NotBlank @Size(max = 32) String provider) {}

    /** {@code total} = available + on hold; available is negative when the driver owes the operator. */
    public record BalanceView(long driverId, String currency, String available, String onHold, String total) {}

    /** A posting: the signed amount it adds to the account; {@code ownerId} is the driver for per-driver accounts. */
    public record PostingView(AccountType account, Long ownerId, String amount) {}

    public record EntryView(UUID id, EntryKind kind, String reference, Instant createdAt, String actor, String note,
                            String currency, List<PostingView> postings) {}

    /** A top-up or payout: {@code replayed} when the idempotency key had already done it (nothing moved again). */
    public record MovementView(EntryKind kind, String amount, String currency, String reference, boolean replayed,
                               BalanceView balance) {}

    public record PaymentView(long id, String merchantOrderId, long driverId, PaymentStatus status, String amount,
                              String currency, String provider, String providerReference, Instant createdAt,
                              Instant paidAt, Map<String, String> clientParameters) {}

    /** The acknowledgement of a callback: CREDITED, FAILED or ALREADY_PAID (a failure notice after payment). */
    public record CallbackAnswer(String outcome, Long paymentId) {}

    public record AccountBalance(AccountType account, String balance) {}

    /** One operator's books in one currency: {@code total} is zero when they balance (always, by construction). */
    public record Books(long operatorId, String currency, List<AccountBalance> accounts, String total, boolean balanced) {}

    public record TrialBalance(List<Books> books, boolean balanced) {}

    private final JooqDrivers drivers;
    private final JooqOperators operators;
    private final JooqLedger ledger;
    private final WalletService wallets;
    private final PaymentService payments;
    private final Callers callers;
    private final AuditLog audit;

    private final org.springframework.context.ApplicationEventPublisher events;

    public WalletController(JooqDrivers drivers, JooqOperators operators, JooqLedger ledger, WalletService wallets,
                            PaymentService payments, Callers callers, AuditLog audit,
                            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.drivers = drivers;
        this.operators = operators;
        this.ledger = ledger;
        this.wallets = wallets;
        this.payments = payments;
        this.callers = callers;
        this.audit = audit;
    }

    @Operation(summary = "A driver's wallet: available, on hold (reserved by sessions) and total")
    @GetMapping("/drivers/{id}/wallet")
    @PreAuthorize("hasAuthority('PERM_DRIVERS_READ')")
    public BalanceView balance(@PathVariable long id) {
        Driver driver = driver(id);
        return view(driver.id(), wallets.balance(driver.operatorId(), driver.id(), currencyOf(driver)));
    }

    @Operation(summary = "A driver's statement: entries touching their wallet or holds, newest first, with all postings")
    @GetMapping("/drivers/{id}/wallet/entries")
    @PreAuthorize("hasAuthority('PERM_DRIVERS_READ')")
    public PageResponse<EntryView> entries(@PathVariable long id, @RequestParam(defaultValue = "0") @Min(0) int page,
                                           @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        Driver driver = driver(id);
        return PageResponse.of(ledger.statement(driver.operatorId(), driver.id(), new PageRequest(page, size)),
                WalletController::view);
    }

    @Operation(summary = "Record money received from the driver (cash, bank transfer) as a top-up",
            description = "201 when credited; 200 with replayed=true when the idempotency key was already used for "
                    + "this top-up (credited once); 409 when it was used for something else")
    @PostMapping("/drivers/{id}/wallet/top-ups")
    @PreAuthorize("hasAuthority('PERM_WALLET_WRITE')")
    @Transactional
    public ResponseEntity<MovementView> topUp(@PathVariable long id, @Valid @RequestBody TopUpRequest r) {
        Driver driver = driver(id);
        Money amount = amount(r.amount(), currencyOf(driver));
        String actor = callers.current().username();
        ManualPayment payment = new ManualPayment(driver.operatorId(), driver.id(), amount, r.method(), r.reference().strip(),
                r.idempotencyKey(), actor);
        WalletBalance before = lockedBalance(driver, amount.currency());
        if (payments.recordManual(payment) instanceof Rejected) throw keyReused();
        return moved(driver, EntryKind.TOP_UP, amount, payment.ledgerReference(), before, actor);
    }

    @Operation(summary = "Pay available balance back out to the driver",
            description = "Never more than available: 409 with the available amount. 201 when paid out; 200 with "
                    + "replayed=true for a retry with the same idempotency key")
    @PostMapping("/drivers/{id}/wallet/payouts")
    @PreAuthorize("hasAuthority('PERM_WALLET_WRITE')")
    @Transactional
    public ResponseEntity<MovementView> payout(@PathVariable long id, @Valid @RequestBody PayoutRequest r) {
        Driver driver = driver(id);
        Money amount = amount(r.amount(), currencyOf(driver));
        String actor = callers.current().username();
        String reference = "payout:" + r.reference().strip();
        WalletBalance before = lockedBalance(driver, amount.currency());
        // Client keys live under "client:", apart from the ledger's own (hold:, settle:, release:, payment:, manual:).
        PayoutOutcome outcome = wallets.payout(driver.operatorId(), driver.id(), amount, reference,
                "client:" + r.idempotencyKey(), actor);
        if (outcome instanceof Rejected rejected) {
            if (rejected.reason() != Rejected.Reason.EXCEEDS_AVAILABLE) throw keyReused();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "amount: exceeds the available balance of " + rejected.amount());
            problem.setTitle("Conflict");
            problem.setProperty("available", rejected.amount().amount().toPlainString());
            problem.setProperty("currency", rejected.amount().currency().getCurrencyCode());
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        return moved(driver, EntryKind.PAYOUT, amount, reference, before, actor);
    }

    @Operation(summary = "Start a top-up through a payment provider",
            description = "Creates the payment and registers it with the provider; the answer carries what the "
                    + "driver's app needs to pay. The wallet is credited when the provider's signed callback arrives.")
    @PostMapping("/drivers/{id}/wallet/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_WALLET_WRITE')")
    public PaymentView startPayment(@PathVariable long id, @Valid @RequestBody PaymentStartRequest r) {
        Driver driver = driver(id);
        Money amount = amount(r.amount(), currencyOf(driver));
        return switch (payments.startTopUp(driver.operatorId(), driver.id(), amount, r.provider())) {
            case TopUpStart.Rejected rejected -> throw new IllegalArgumentException("provider: no payment provider named " + r.provider());
            case TopUpStart.Started started -> {
                // the audit keeps the payment, not what the app needs to pay (a provider's may be a signed token)
                audit.record(callers.current().username(), driver.operatorId(), AuditLog.Action.CREATE, "payment",
                        started.payment().id(), null, view(started.payment(), Map.of()));
                yield view(started.payment(), started.intent().clientParameters());
            }
        };
    }

    @Operation(summary = "A payment provider's callback (authenticated by its signature, not a token)",
            description = "For provider hmac: headers " + HmacPaymentProvider.TIMESTAMP_HEADER + " (epoch seconds) and "
                    + HmacPaymentProvider.SIGNATURE_HEADER + " (hex HMAC-SHA256 over timestamp + '.' + the exact body "
                    + "bytes); body application/x-www-form-urlencoded merchant_order_id, provider_reference, amount, "
                    + "currency, status (PAID|FAILED), paid_at. 200 acknowledges (also replays: credited once); 400 "
                    + "malformed, unknown payment or amount mismatch; 401 bad signature or stale timestamp.")
    @PostMapping("/payments/callbacks/{provider}")
    public ResponseEntity<?> callback(@PathVariable String provider, HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_CALLBACK_BYTES + 1);
        if (body.length > MAX_CALLBACK_BYTES) return refused(HttpStatus.CONTENT_TOO_LARGE, "TOO_LARGE");
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) headers.put(name, request.getHeader(name));
        CallbackOutcome outcome = payments.handleCallback(provider, headers, body);
        events.publishEvent(outcome); // the driver app hears of its top-up (io.pylon.server.me.DriverFeed)
        return switch (outcome) {
            case CallbackOutcome.Credited c -> ResponseEntity.ok(new CallbackAnswer("CREDITED", c.paymentId()));
            case CallbackOutcome.Failed f -> ResponseEntity.ok(new CallbackAnswer("FAILED", f.paymentId()));
            case CallbackOutcome.Rejected r -> switch (r.reason()) {
                case ALREADY_PAID -> ResponseEntity.ok(new CallbackAnswer("ALREADY_PAID", null));
                case BAD_SIGNATURE, STALE_TIMESTAMP -> refused(HttpStatus.UNAUTHORIZED, r.reason().name());
                case MALFORMED, UNKNOWN_PAYMENT, AMOUNT_MISMATCH -> refused(HttpStatus.BAD_REQUEST, r.reason().name());
                case UNKNOWN_PROVIDER -> refused(HttpStatus.NOT_FOUND, r.reason().name());
            };
        };
    }

    @Operation(summary = "Trial balance: per operator and account type the sum of all postings; each operator's sums to 0")
    @GetMapping("/ledger/trial-balance")
    @PreAuthorize("hasAuthority('PERM_REPORTS_READ')")
    public TrialBalance trialBalance() {
        Map<String, List<JooqLedger.TrialBalanceLine>> byBooks = new LinkedHashMap<>();
        for (var line : ledger.trialBalance(callers.scope())) {
            byBooks.computeIfAbsent(line.operatorId() + " " + line.currency(), k -> new ArrayList<>()).add(line);
        }
        List<Books> books = new ArrayList<>();
        for (var lines : byBooks.values()) {
            Currency currency = Currency.getInstance(lines.getFirst().currency());
            long total = lines.stream().mapToLong(JooqLedger.TrialBalanceLine::sumMinor).sum();
            books.add(new Books(lines.getFirst().operatorId(), currency.getCurrencyCode(),
                    lines.stream().map(l -> new AccountBalance(l.accountType(), text(Money.ofMinor(l.sumMinor(), currency))))
                            .toList(), text(Money.ofMinor(total, currency)), total == 0));
        }
        return new TrialBalance(books, books.stream().allMatch(Books::balanced));
    }

    /** The driver if the caller may see them: another operator's driver is as missing as one that never existed. */
    private Driver driver(long id) {
        return drivers.find(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("Driver " + id));
    }

    private Currency currencyOf(Driver driver) {
        return operators.find(driver.operatorId()).orElseThrow().currency();
    }

    /** Positive, at most the currency's minor digits (2 for CNY, 0 for JPY). */
    public static Money amount(BigDecimal amount, Currency currency) {
        if (amount.signum() <= 0) throw new IllegalArgumentException("amount: must be positive");
        int digits = currency.getDefaultFractionDigits();
        BigDecimal exact = amount.stripTrailingZeros();
        if (exact.scale() > digits) {
            throw new IllegalArgumentException("amount: at most " + digits + " decimal places in " + currency.getCurrencyCode());
        }
        if (exact.precision() - exact.scale() > MAX_WHOLE_DIGITS) {
            throw new IllegalArgumentException("amount: at most " + MAX_WHOLE_DIGITS + " digits before the decimal point");
        }
        return Money.of(exact, currency, RoundingMode.UNNECESSARY);
    }

    /** Locks the wallet for the rest of the request's transaction and reads its balance. */
    private WalletBalance lockedBalance(Driver driver, Currency currency) {
        ledger.lockWallet(driver.operatorId(), driver.id());
        return wallets.balance(driver.operatorId(), driver.id(), currency);
    }

    /**
     * The answer to a top-up or payout. Under the wallet lock nothing else moves the wallet, so an unchanged balance
     * means the key had done it before: a replay, answered 200 and not audited again.
     */
    private ResponseEntity<MovementView> moved(Driver driver, EntryKind kind, Money amount, String reference,
                                               WalletBalance before, String actor) {
        WalletBalance after = wallets.balance(driver.operatorId(), driver.id(), amount.currency());
        boolean replayed = after.available().equals(before.available());
        MovementView view = new MovementView(kind, text(amount), amount.currency().getCurrencyCode(), reference, replayed,
                view(driver.id(), after));
        if (replayed) return ResponseEntity.ok(view);
        audit.record(actor, driver.operatorId(), AuditLog.Action.UPDATE, "wallet", driver.id(), view(driver.id(), before), view);
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    private static ConflictException keyReused() {
        return new ConflictException("idempotencyKey: already used for a different operation or amount");
    }

    private static ResponseEntity<ProblemDetail> refused(HttpStatus status, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "Callback refused: " + reason);
        problem.setProperty("reason", reason);
        return ResponseEntity.status(status).body(problem);
    }

    private static String text(Money money) {
        return money.amount().toPlainString();
    }

    private static BalanceView view(long driverId, WalletBalance b) {
        return new BalanceView(driverId, b.available().currency().getCurrencyCode(), text(b.available()), text(b.onHold()),
                text(b.total()));
    }

    private static EntryView view(JournalEntry e) {
        return new EntryView(e.id(), e.kind(), e.reference(), e.createdAt(), e.actor(), e.note(),
                e.currency().getCurrencyCode(), e.postings().stream().map(p -> new PostingView(p.account().type(),
                        p.account().ownerId(), text(p.amount()))).toList());
    }

    private static PaymentView view(PaymentRecord p, Map<String, String> clientParameters) {
        return new PaymentView(p.id(), p.merchantOrderId(), p.driverId(), p.status(), text(p.amount()),
                p.amount().currency().getCurrencyCode(), p.provider(), p.providerReference(), p.createdAt(), p.paidAt(),
                clientParameters);
    }
}
