package io.pylon.server.trust.verify;

import io.pylon.domain.trust.CompactRange;
import io.pylon.domain.trust.MerkleHash;
import io.pylon.domain.trust.SignedTreeHead;
import io.pylon.domain.trust.Subtree;
import io.pylon.domain.trust.TreeHead;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The full-log audit: reads every entry of a Pylon database in index order, recomputes every leaf hash from the stored
 * record bytes and every subtree hash from those leaves, and compares them with what is stored and with every signed
 * tree head (whose signature is checked with the platform key). The first finding names the first record changed:
 * a record that no longer hashes to its stored leaf; a leaf rewritten with its record shows as the first stored
 * subtree hash that no longer matches, or, if those were rewritten too, as a signed root that does not match.
 */
public final class LogAudit {

    /** @param firstChangedEntry index of the first record found changed, or -1 */
    public record Report(long entries, long treeHeads, long firstChangedEntry, List<String> findings) {
        public boolean intact() {
            return findings.isEmpty();
        }
    }

    private static final int CHUNK = 5_000;

    private LogAudit() {}

    public static Report run(Connection db, PublicKey key) throws SQLException {
        List<String> findings = new ArrayList<>();
        List<SignedTreeHead> heads = heads(db);
        int nextHead = 0;
        CompactRange range = CompactRange.empty();
        long firstChanged = -1;
        while (nextHead < heads.size() && heads.get(nextHead).head().treeSize() == 0) {
            checkHead(heads.get(nextHead++), MerkleHash.emptyRoot(), key, findings);
        }
        long from = 0;
        while (true) {
            Map<String, byte[]> nodes = new HashMap<>();
            int read = 0;
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("select entry_index, record_bytes, leaf_hash from trust_log_entry "
                    + "where entry_index >= ? order by entry_index limit " + CHUNK)) {
                q.setLong(1, from);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Object[] {r.getLong(1), r.getBytes(2), r.getBytes(3)});
                    }
                }
            }
            if (rows.isEmpty()) {
                break;
            }
            nodes.putAll(nodesFor(db, from, from + rows.size()));
            for (Object[] row : rows) {
                long index = (Long) row[0];
                if (index != range.size()) {
                    findings.add("entry " + range.size() + " is missing (next stored entry is " + index + ")");
                    firstChanged = firstChanged < 0 ? range.size() : firstChanged;
                    return new Report(range.size(), heads.size(), firstChanged, findings);
                }
                byte[] leaf = MerkleHash.leaf((byte[]) row[1]);
                if (!MessageDigest.isEqual(leaf, (byte[]) row[2]) && firstChanged < 0) {
                    firstChanged = index;
                    findings.add("entry " + index + " was changed: its record no longer hashes to its leaf hash");
                }
                for (CompactRange.Completed c : range.append(leaf)) {
                    byte[] stored = c.subtree().level() == 0 ? null : nodes.get(key(c.subtree()));
                    if (stored != null && !MessageDigest.isEqual(stored, c.hash()) && firstChanged < 0) {
                        firstChanged = c.subtree().first();
                        findings.add("entries " + c.subtree().first() + ".." + (c.subtree().first() + c.subtree().size() - 1)
                                + " no longer match their stored subtree hash: one of them was rewritten together with its"
                                + " leaf hash");
                    }
                }
                while (nextHead < heads.size() && heads.get(nextHead).head().treeSize() == range.size()) {
                    SignedTreeHead h = heads.get(nextHead++);
                    checkHead(h, range.root(), key, findings);
                }
                read++;
            }
            from += read;
        }
        while (nextHead < heads.size()) {
            findings.add("tree head of size " + heads.get(nextHead++).head().treeSize()
                    + " covers entries the log does not have");
        }
        return new Report(range.size(), heads.size(), firstChanged, findings);
    }

    private static void checkHead(SignedTreeHead h, byte[] recomputedRoot, PublicKey key, List<String> findings) {
        if (!h.verify(key)) {
            findings.add("tree head of size " + h.head().treeSize() + ": signature invalid (forged or altered tree head)");
        } else if (!MessageDigest.isEqual(h.head().rootHash(), recomputedRoot)) {
            findings.add("tree head of size " + h.head().treeSize() + ": the entries no longer hash to its signed root");
        }
    }

    private static String key(Subtree s) {
        return s.level() + ":" + s.index();
    }

    /** Stored hashes of the subtrees completed by entries [from, to), keyed by {@link #key}. */
    private static Map<String, byte[]> nodesFor(Connection db, long from, long to) throws SQLException {
        Map<String, byte[]> nodes = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement("select node_index, hash from trust_log_node "
                + "where node_level = ? and node_index >= ? and node_index <= ?")) {
            for (int level = 1; (1L << level) <= to; level++) {
                q.setInt(1, level);
                q.setLong(2, from >>> level);
                q.setLong(3, to >>> level);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        nodes.put(level + ":" + r.getLong(1), r.getBytes(2));
                    }
                }
            }
        }
        return nodes;
    }

    private static List<SignedTreeHead> heads(Connection db) throws SQLException {
        List<SignedTreeHead> heads = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("select tree_size, root_hash, signed_at, key_id, signature "
                + "from trust_tree_head order by tree_size"); ResultSet r = q.executeQuery()) {
            while (r.next()) {
                heads.add(new SignedTreeHead(new TreeHead(r.getLong(1), r.getBytes(2), r.getTimestamp(3).toInstant()),
                        r.getString(4), r.getBytes(5)));
            }
        }
        return heads;
    }
}
