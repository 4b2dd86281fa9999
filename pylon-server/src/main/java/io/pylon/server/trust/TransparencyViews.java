package io.pylon.server.trust;

import io.pylon.domain.trust.ConsistencyProof;
import io.pylon.domain.trust.InclusionProof;
import io.pylon.domain.trust.LogEntry;
import io.pylon.domain.trust.MerkleHash;
import io.pylon.domain.trust.SignedTreeHead;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** What the transparency API answers: hashes in lower-case hex, record bytes and signatures in Base64. */
public final class TransparencyViews {
    private TransparencyViews() {}

    /** Format name of a receipt bundle, what {@code ./pylon verify receipt} reads. */
    public static final String RECEIPT_FORMAT = "pylon-receipt-v1";

    /**
     * A signed tree head. The signature is Ed25519 over the UTF-8 text
     * {@code "pylon-tree-head-v1\n<treeSize>\n<rootHash>\n<timestampMillis>\n"}.
     */
    public record TreeHeadView(long treeSize, String rootHash, Instant timestamp, long timestampMillis, String keyId,
                               String signature) {
        public static TreeHeadView of(SignedTreeHead h) {
            return new TreeHeadView(h.head().treeSize(), MerkleHash.hex(h.head().rootHash()), h.head().timestamp(),
                    h.head().timestamp().toEpochMilli(), h.keyId(), Base64.getEncoder().encodeToString(h.signature()));
        }
    }

    /** An entry: {@code record} is the canonical JSON as hashed (Base64 of its bytes); {@code recordJson} the same text. */
    public record LogEntryView(long index, String kind, String subject, Long operatorId, String record, String recordJson,
                            String leafHash, Instant appendedAt) {
        public static LogEntryView of(LogEntry e) {
            return new LogEntryView(e.index(), e.kind().name(), e.subject(), e.operatorId(),
                    Base64.getEncoder().encodeToString(e.record()), e.recordText(), MerkleHash.hex(e.leafHash()), e.appendedAt());
        }
    }

    public record InclusionView(long leafIndex, long treeSize, List<String> path) {
        public static InclusionView of(InclusionProof p) {
            return new InclusionView(p.leafIndex(), p.treeSize(), p.path().stream().map(MerkleHash::hex).toList());
        }
    }

    public record ConsistencyView(long firstSize, long secondSize, List<String> path) {
        public static ConsistencyView of(ConsistencyProof p) {
            return new ConsistencyView(p.firstSize(), p.secondSize(), p.path().stream().map(MerkleHash::hex).toList());
        }
    }

    /** The public key that signs tree heads: X.509 SubjectPublicKeyInfo as Base64 and as PEM. */
    public record PublicKeyView(String algorithm, String keyId, String spki, String pem) {}

    /**
     * Everything an offline verifier needs to check one entry: the record, its inclusion proof in the latest signed
     * tree, that tree head and the key that signed it (which a careful verifier pins instead of trusting).
     */
    public record ReceiptBundle(String format, LogEntryView entry, InclusionView inclusionProof, TreeHeadView treeHead,
                                PublicKeyView publicKey) {}

    /** Outcome of the public check behind a receipt's QR code. */
    public record Check(boolean included, long index, String leafHash, TreeHeadView treeHead, InclusionView inclusionProof,
                        String detail) {}
}
