package io.pylon.server.trust.verify;

import io.pylon.domain.trust.InclusionProof;
import io.pylon.domain.trust.MerkleHash;
import io.pylon.domain.trust.ProofVerifier;
import io.pylon.domain.trust.SignedTreeHead;
import io.pylon.domain.trust.TreeHead;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a receipt bundle ({@code pylon-receipt-v1}, from {@code /api/v1/me/orders/{id}/transparency} or
 * {@code /api/v1/transparency/entries/{index}/bundle}) offline: the record hashes to its leaf hash, the inclusion
 * proof leads from that leaf to the tree head's root, and the tree head is signed by the platform key — the pinned
 * one when given, which must then equal the bundled one.
 */
public final class ReceiptVerifier {

    /** @param problems empty when everything checked out */
    public record Result(List<String> checks, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReceiptVerifier() {}

    public static Result verify(String bundleJson, PublicKey pinned) {
        List<String> checks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        JsonNode b;
        try {
            b = JSON.readTree(bundleJson);
        } catch (RuntimeException e) {
            return new Result(checks, List.of("not JSON"));
        }
        if (!"pylon-receipt-v1".equals(b.path("format").asString(""))) {
            return new Result(checks, List.of("not a pylon-receipt-v1 bundle"));
        }
        try {
            JsonNode entry = b.get("entry");
            byte[] record = Base64.getDecoder().decode(entry.get("record").asString());
            byte[] leaf = MerkleHash.leaf(record);
            long index = entry.get("index").asLong();
            if (!MessageDigest.isEqual(leaf, MerkleHash.unhex(entry.get("leafHash").asString()))) {
                problems.add("entry " + index + ": the record does not hash to the leaf hash shown");
            } else {
                checks.add("entry " + index + ": record hashes to leaf " + MerkleHash.hex(leaf));
            }
            JsonNode th = b.get("treeHead");
            TreeHead head = new TreeHead(th.get("treeSize").asLong(), MerkleHash.unhex(th.get("rootHash").asString()),
                    Instant.ofEpochMilli(th.get("timestampMillis").asLong()));
            JsonNode p = b.get("inclusionProof");
            List<byte[]> path = new ArrayList<>();
            p.get("path").forEach(h -> path.add(MerkleHash.unhex(h.asString())));
            InclusionProof proof = new InclusionProof(p.get("leafIndex").asLong(), p.get("treeSize").asLong(), path);
            if (proof.leafIndex() != index || proof.treeSize() != head.treeSize()) {
                problems.add("the inclusion proof is for entry " + proof.leafIndex() + " of " + proof.treeSize()
                        + ", not entry " + index + " of the tree head's " + head.treeSize());
            } else if (!ProofVerifier.verifyInclusion(leaf, proof, head.rootHash())) {
                problems.add("the inclusion proof does not lead to the tree head's root");
            } else {
                checks.add("inclusion proof: entry " + index + " is in the tree of " + head.treeSize() + " (root "
                        + MerkleHash.hex(head.rootHash()) + ")");
            }
            PublicKey bundled = Keys.ed25519(b.get("publicKey").get("spki").asString());
            PublicKey key = pinned == null ? bundled : pinned;
            if (pinned != null && !MessageDigest.isEqual(pinned.getEncoded(), bundled.getEncoded())) {
                problems.add("the bundle names another key than the pinned platform key");
            }
            SignedTreeHead sth = new SignedTreeHead(head, th.get("keyId").asString(),
                    Base64.getDecoder().decode(th.get("signature").asString()));
            if (!sth.verify(key)) {
                problems.add("the tree head signature is not the platform key's: forged or altered tree head");
            } else {
                checks.add("tree head signature valid (" + (pinned == null ? "key from the bundle; pin it with --key" : "pinned key") + ")");
            }
        } catch (RuntimeException e) {
            problems.add("malformed bundle: " + e.getMessage());
        }
        return new Result(checks, problems);
    }
}
