package io.pylon.server.trust;

import io.pylon.domain.trust.EntryKind;
import io.pylon.domain.trust.InclusionProof;
import io.pylon.domain.trust.LogEntry;
import io.pylon.domain.trust.ProofVerifier;
import io.pylon.domain.trust.Records;
import io.pylon.domain.trust.SignedTreeHead;
import io.pylon.domain.trust.TransparencyLog;
import io.pylon.server.trust.TransparencyViews.Check;
import io.pylon.server.trust.TransparencyViews.LogEntryView;
import io.pylon.server.trust.TransparencyViews.InclusionView;
import io.pylon.server.trust.TransparencyViews.PublicKeyView;
import io.pylon.server.trust.TransparencyViews.ReceiptBundle;
import io.pylon.server.trust.TransparencyViews.TreeHeadView;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Builds receipts bundles and public checks from the log; shared by the staff, driver and public endpoints. */
@Component
public class Transparency {

    /** Path of the public check a receipt's QR code points at (index and leaf hash appended as query). */
    public static final String VERIFY_PATH = "/api/v1/transparency/public/verify";

    private final TransparencyLog log;
    private final TrustKeys keys;

    public Transparency(TransparencyLog log, TrustKeys keys) {
        this.log = log;
        this.keys = keys;
    }

    public PublicKeyView publicKey() {
        return new PublicKeyView("Ed25519", keys.keyId(), Base64.getEncoder().encodeToString(keys.publicKey().getEncoded()),
                keys.publicKeyPem());
    }

    /** The bundle of an entry proved against the latest signed tree head. */
    public ReceiptBundle bundle(LogEntry entry) {
        SignedTreeHead head = log.latest();
        InclusionProof proof = log.inclusion(entry.index(), head.head().treeSize());
        return new ReceiptBundle(TransparencyViews.RECEIPT_FORMAT, LogEntryView.of(entry), InclusionView.of(proof),
                TreeHeadView.of(head), publicKey());
    }

    /** The log entry of an order, once its bill is final. */
    public Optional<LogEntry> ofOrder(long orderId) {
        return log.find(EntryKind.SESSION, Records.sessionSubject(orderId));
    }

    /** The path (with query) that checks an entry publicly: what a receipt's QR code carries. */
    public static String verifyLink(LogEntry entry) {
        return VERIFY_PATH + "?index=" + entry.index() + "&leafHash=" + LogStore.hex(entry.leafHash());
    }

    /** Whether a leaf hash is entry {@code index} of the latest signed tree, with the proof to check it offline. */
    public Check check(long index, byte[] leafHash) {
        SignedTreeHead head = log.latest();
        long size = head.head().treeSize();
        if (index < 0 || index >= size) {
            return new Check(false, index, LogStore.hex(leafHash), TreeHeadView.of(head), null,
                    "no entry " + index + " in the signed tree of " + size);
        }
        InclusionProof proof = log.inclusion(index, size);
        boolean included = ProofVerifier.verifyInclusion(leafHash, proof, head.head().rootHash());
        return new Check(included, index, LogStore.hex(leafHash), TreeHeadView.of(head), InclusionView.of(proof),
                included ? "the entry is in the signed log as shown" : "this hash is not entry " + index + " of the log");
    }
}
