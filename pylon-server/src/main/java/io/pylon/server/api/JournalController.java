package io.pylon.server.api;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.ledger.AccountType;
import io.pylon.domain.ledger.EntryKind;
import io.pylon.domain.ledger.JournalEntry;
import io.pylon.domain.money.Money;
import io.pylon.server.persistence.JooqLedger;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** The platform's money flow journal (资金流水): every ledger entry with its postings, filterable. */
@Tag(name = "Wallet", description = "Drivers' prepaid wallets, top-ups, payouts, payment callbacks and the books")
@Validated
@RestController
@RequestMapping("/api/v1/ledger")
public class JournalController {

    /** A posting: the signed amount it adds to the account; {@code ownerId} is the driver for per-driver accounts. */
    public record PostingLine(AccountType account, Long ownerId, Money amount) {}

    public record JournalLine(UUID id, long operatorId, EntryKind kind, String reference, Instant createdAt, String actor,
                              String note, List<PostingLine> postings) {
        static JournalLine of(JournalEntry e) {
            return new JournalLine(e.id(), e.operatorId(), e.kind(), e.reference(), e.createdAt(), e.actor(), e.note(),
                    e.postings().stream().map(p -> new PostingLine(p.account().type(), p.account().ownerId(), p.amount())).toList());
        }
    }

    private final JooqLedger ledger;
    private final Callers callers;

    public JournalController(JooqLedger ledger, Callers callers) {
        this.ledger = ledger;
        this.callers = callers;
    }

    @Operation(summary = "Money flow journal: ledger entries with their postings, newest first",
            description = "Filter by operator (platform roles), account type or driver touched, entry kind, reference "
                    + "(order:12, payment:4, manual:cash:R-1) and time [from, to)")
    @GetMapping("/journal")
    @PreAuthorize("hasAuthority('PERM_REPORTS_READ')")
    public PageResponse<JournalLine> journal(@RequestParam(required = false) Long operatorId,
                                             @RequestParam(required = false) AccountType accountType,
                                             @RequestParam(required = false) Long driverId,
                                             @RequestParam(required = false) EntryKind kind,
                                             @RequestParam(required = false) String reference,
                                             @RequestParam(required = false) Instant from,
                                             @RequestParam(required = false) Instant to,
                                             @RequestParam(defaultValue = "0") @Min(0) int page,
                                             @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(ledger.journal(callers.scope(), new JooqLedger.JournalFilter(operatorId, accountType, driverId,
                kind, reference, from, to), new PageRequest(page, size)), JournalLine::of);
    }
}
