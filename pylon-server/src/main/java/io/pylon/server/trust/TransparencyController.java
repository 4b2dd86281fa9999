package io.pylon.server.trust;

import io.pylon.domain.trust.LogEntry;
import io.pylon.domain.trust.MerkleHash;
import io.pylon.domain.trust.TransparencyLog;
import io.pylon.server.security.Callers;
import io.pylon.server.trust.TransparencyViews.Check;
import io.pylon.server.trust.TransparencyViews.ConsistencyView;
import io.pylon.server.trust.TransparencyViews.LogEntryView;
import io.pylon.server.trust.TransparencyViews.InclusionView;
import io.pylon.server.trust.TransparencyViews.PublicKeyView;
import io.pylon.server.trust.TransparencyViews.ReceiptBundle;
import io.pylon.server.trust.TransparencyViews.TreeHeadView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transparency log (RFC 9162 Merkle tree). Under {@code /public} anyone may read the signing key, the signed tree
 * heads and proofs — hashes only, nothing personal; the records themselves need a token and are scoped like the
 * sessions they describe (regulators see every operator's).
 */
@Tag(name = "Transparency", description = "Tamper-evident log of sessions, tariff changes and meter seal events")
@Validated
@RestController
@RequestMapping("/api/v1/transparency")
public class TransparencyController {

    static final int MAX_ENTRIES = 1000;

    private final TransparencyLog log;
    private final Transparency transparency;
    private final Callers callers;

    public TransparencyController(TransparencyLog log, Transparency transparency, Callers callers) {
        this.log = log;
        this.transparency = transparency;
        this.callers = callers;
    }

    @Operation(summary = "The Ed25519 public key that signs tree heads")
    @GetMapping("/public/key")
    public PublicKeyView publicKey() {
        return transparency.publicKey();
    }

    @Operation(summary = "The latest signed tree head")
    @GetMapping("/public/tree-head")
    public TreeHeadView latest() {
        return TreeHeadView.of(log.latest());
    }

    @Operation(summary = "The signed tree head of one size")
    @GetMapping("/public/tree-heads/{treeSize}")
    public TreeHeadView head(@PathVariable long treeSize) {
        return log.head(treeSize).map(TreeHeadView::of)
                .orElseThrow(() -> new NoSuchElementException("No signed tree head of size " + treeSize));
    }

    @Operation(summary = "Inclusion proof of an entry", description = "treeSize: a signed size; default the latest")
    @GetMapping("/public/proofs/inclusion")
    public InclusionView inclusion(@RequestParam @Min(0) long index, @RequestParam(required = false) @Min(1) Long treeSize) {
        return InclusionView.of(log.inclusion(index, treeSize == null ? log.latest().head().treeSize() : treeSize));
    }

    @Operation(summary = "Consistency proof between two tree sizes", description = "0 < first ≤ second ≤ the latest signed size")
    @GetMapping("/public/proofs/consistency")
    public ConsistencyView consistency(@RequestParam @Min(1) long first, @RequestParam @Min(1) long second) {
        return ConsistencyView.of(log.consistency(first, second));
    }

    @Operation(summary = "Check a receipt's entry", description = "What a receipt's QR code opens: is this leaf hash entry "
            + "index of the signed log? Answers the proof too, so the check can be repeated offline.")
    @GetMapping("/public/verify")
    public Check verify(@RequestParam @Min(0) long index, @RequestParam String leafHash) {
        byte[] hash;
        try {
            hash = MerkleHash.unhex(leafHash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("leafHash: 64 hex digits");
        }
        if (hash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("leafHash: 64 hex digits");
        }
        return transparency.check(index, hash);
    }

    @Operation(summary = "One entry with its record")
    @PreAuthorize("hasAuthority('PERM_SESSIONS_READ')")
    @GetMapping("/entries/{index}")
    public LogEntryView entry(@PathVariable long index) {
        return LogEntryView.of(visible(index));
    }

    @Operation(summary = "An entry as a receipt bundle for ./pylon verify receipt")
    @PreAuthorize("hasAuthority('PERM_SESSIONS_READ')")
    @GetMapping("/entries/{index}/bundle")
    public ReceiptBundle bundle(@PathVariable long index) {
        return transparency.bundle(visible(index));
    }

    @Operation(summary = "Entries in index order, for audits", description = "Platform admins and regulators only")
    @PreAuthorize("hasAuthority('PERM_AUDIT_READ')")
    @GetMapping("/entries")
    public List<LogEntryView> entries(@RequestParam(defaultValue = "0") @Min(0) long from,
                                   @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_ENTRIES) int count) {
        if (!callers.scope().isPlatform()) {
            throw new org.springframework.security.access.AccessDeniedException("Only the platform and regulators audit the whole log");
        }
        return log.entries(from, count).stream().map(LogEntryView::of).toList();
    }

    private LogEntry visible(long index) {
        var scope = callers.scope();
        return log.entry(index).filter(e -> scope.isPlatform() || e.operatorId() != null && scope.includesOperator(e.operatorId()))
                .orElseThrow(() -> new NoSuchElementException("Entry " + index));
    }
}
