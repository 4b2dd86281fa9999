package io.pylon.server.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.domain.trust.EntryKind;
import io.pylon.domain.trust.InclusionProof;
import io.pylon.domain.trust.NewEntry;
import io.pylon.domain.trust.ProofVerifier;
import io.pylon.domain.trust.SignedTreeHead;

import io.pylon.server.support.Api;
import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import io.pylon.server.trust.verify.LogAudit;
import io.pylon.server.trust.verify.ReceiptVerifier;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The transparency log through the API: receipts that verify offline, forged tree heads, the full-log audit. */
class TransparencyIT extends PylonIT {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DataSource dataSource;
    @Autowired
    TrustCatchUp catchUp;
    @Autowired
    JooqTransparencyLog log;
    @Autowired
    LogAppender appender;
    @Autowired
    DSLContext dsl;

    record Charged(Tenant op, Api app, long orderId, String charger) {}

    private Charged chargeOnce(long wh) {
        int n = SEQ.incrementAndGet();
        Tenant op = Tenants.create(api, httpPort, "CNY");
        String charger = Charging.stationWithFlatTariff(op, "TRUST-" + n + "-" + op.code());
        String phone = "1390000" + String.format("%04d", n) + (System.nanoTime() % 10);
        Charging.driverWithBalance(op, phone, "100", "TC" + n + op.code().hashCode() % 1000);
        Charging.charge(ocppPort(), charger, "TC" + n + op.code().hashCode() % 1000, wh);
        orderListenersDone(); // the order is logged after the charger's answer
        Api app = op.driverApp(phone);
        var orders = app.get("/api/v1/me/orders");
        assertThat(orders.status()).as(orders.raw()).isEqualTo(200);
        long orderId = orders.body().get("items").get(0).get("id").asLong();
        return new Charged(op, app, orderId, charger);
    }

    private PublicKey platformKey() throws Exception {
        var key = new Api(httpPort).get("/api/v1/transparency/public/key");
        assertThat(key.status()).as(key.raw()).isEqualTo(200);
        return KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.body().get("spki").asString())));
    }

    @Test
    void aDriversReceiptCarriesAVerifyLinkAndItsBundleVerifiesOffline() throws Exception {
        Charged c = chargeOnce(5000);
        var receipt = c.app().get("/api/v1/me/orders/" + c.orderId() + "/receipt");
        assertThat(receipt.status()).as(receipt.raw()).isEqualTo(200);
        JsonNode verification = receipt.body().get("verification");
        assertThat(verification.isObject()).as(receipt.raw()).isTrue();
        assertThat(verification.get("meterData").asString()).isEqualTo("NONE");
        String link = verification.get("verifyLink").asString();
        assertThat(verification.get("qrPayload").asString()).isEqualTo(link);

        var check = new Api(httpPort).get(link); // anyone may check: no token
        assertThat(check.status()).as(check.raw()).isEqualTo(200);
        assertThat(check.body().get("included").asBoolean()).as(check.raw()).isTrue();

        var bundle = c.app().get("/api/v1/me/orders/" + c.orderId() + "/transparency");
        assertThat(bundle.status()).as(bundle.raw()).isEqualTo(200);
        String record = new String(Base64.getDecoder().decode(bundle.body().get("entry").get("record").asString()),
                StandardCharsets.UTF_8);
        assertThat(record).contains("\"energyWh\":5000", "\"chargerId\":\"" + c.charger() + "\"", "\"payable\":\"5.00\"")
                .doesNotContain("TC"); // no id tag in the public record
        PublicKey key = platformKey();
        ReceiptVerifier.Result ok = ReceiptVerifier.verify(bundle.raw(), key);
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.checks()).hasSize(3);

        // a forged tree head: a bigger tree, another root, or a key that is not the platform's
        ObjectNode bigger = (ObjectNode) JSON.readTree(bundle.raw());
        ((ObjectNode) bigger.get("treeHead")).put("treeSize", bigger.get("treeHead").get("treeSize").asLong() + 1);
        ((ObjectNode) bigger.get("inclusionProof")).put("treeSize", bigger.get("treeHead").get("treeSize").asLong());
        assertThat(ReceiptVerifier.verify(bigger.toString(), key).problems()).anyMatch(p -> p.contains("signature"));
        ObjectNode otherRoot = (ObjectNode) JSON.readTree(bundle.raw());
        ((ObjectNode) otherRoot.get("treeHead")).put("rootHash", "00".repeat(32));
        assertThat(ReceiptVerifier.verify(otherRoot.toString(), key).ok()).isFalse();
        PublicKey stranger = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        assertThat(ReceiptVerifier.verify(bundle.raw(), stranger).problems()).anyMatch(p -> p.contains("pinned"));
        // a changed record
        ObjectNode changed = (ObjectNode) JSON.readTree(bundle.raw());
        ((ObjectNode) changed.get("entry")).put("record", Base64.getEncoder().encodeToString(
                record.replace("\"energyWh\":5000", "\"energyWh\":4000").getBytes(StandardCharsets.UTF_8)));
        assertThat(ReceiptVerifier.verify(changed.toString(), key).problems()).anyMatch(p -> p.contains("leaf hash"));
        // a wrong leaf hash in the public check
        var wrong = new Api(httpPort).get(link.replaceAll("leafHash=[0-9a-f]{2}", "leafHash=ff"));
        assertThat(wrong.body().get("included").asBoolean()).isFalse();
    }

    @Test
    void signedTreeHeadsAreConsistentAndTariffVersionsAreLogged() throws Exception {
        Api anonymous = new Api(httpPort);
        chargeOnce(1000);
        JsonNode first = anonymous.get("/api/v1/transparency/public/tree-head").body();
        chargeOnce(2000);
        catchUp.tariffVersions();
        JsonNode second = anonymous.get("/api/v1/transparency/public/tree-head").body();
        long m = first.get("treeSize").asLong();
        long n = second.get("treeSize").asLong();
        assertThat(n).isGreaterThan(m);
        var proof = anonymous.get("/api/v1/transparency/public/proofs/consistency?first=" + m + "&second=" + n);
        assertThat(proof.status()).as(proof.raw()).isEqualTo(200);
        List<byte[]> path = new java.util.ArrayList<>();
        proof.body().get("path").forEach(h -> path.add(io.pylon.domain.trust.MerkleHash.unhex(h.asString())));
        assertThat(io.pylon.domain.trust.ProofVerifier.verifyConsistency(new io.pylon.domain.trust.ConsistencyProof(m, n, path),
                io.pylon.domain.trust.MerkleHash.unhex(first.get("rootHash").asString()),
                io.pylon.domain.trust.MerkleHash.unhex(second.get("rootHash").asString()))).isTrue();
        assertThat(anonymous.get("/api/v1/transparency/public/proofs/consistency?first=" + (n + 5) + "&second=" + (n + 9))
                .status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/transparency/public/proofs/consistency?first=0&second=" + n).status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/transparency/entries/0").status()).isEqualTo(401); // records need a token

        var entries = api.get("/api/v1/transparency/entries?from=0&count=1000");
        assertThat(entries.status()).as(entries.raw()).isEqualTo(200);
        assertThat(entries.raw()).contains("\"kind\":\"TARIFF\"", "\"kind\":\"SESSION\"");
    }

    @Test
    void anotherOperatorCannotReadARecordAndARegulatorCan() {
        Charged c = chargeOnce(3000);
        long index = c.app().get("/api/v1/me/orders/" + c.orderId() + "/receipt").body().get("verification").get("logIndex").asLong();
        assertThat(c.op().admin().get("/api/v1/transparency/entries/" + index).status()).isEqualTo(200);
        Tenant other = Tenants.create(api, httpPort, "CNY");
        assertThat(other.admin().get("/api/v1/transparency/entries/" + index).status()).isEqualTo(404);
        assertThat(other.admin().get("/api/v1/transparency/entries?from=0").status()).isEqualTo(403);
        var regulator = api.post("/api/v1/users", "{\"username\":\"reg-" + c.op().code() + "\",\"password\":\"regulator-pw-1\","
                + "\"role\":\"REGULATOR\"}");
        assertThat(regulator.status()).as(regulator.raw()).isEqualTo(201);
        Api reg = new Api(httpPort).login("reg-" + c.op().code(), "regulator-pw-1");
        assertThat(reg.get("/api/v1/transparency/entries/" + index + "/bundle").status()).isEqualTo(200);
    }

    @Test
    void anInclusionProofIsOneRoundTripAndOnlySignedSizesAreProved() {
        // enough entries that the proofs need cached upper levels (256 leaves and more), inner nodes and leaves
        String run = "proof-" + SEQ.incrementAndGet() + "-" + System.nanoTime();
        List<NewEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            entries.add(new NewEntry(EntryKind.METER_SEAL, run + "-" + i, null, java.util.Map.of("n", i)));
        }
        SignedTreeHead before = log.latest();
        long[] indexes = log.appendAll(entries);
        SignedTreeHead head = log.latest();
        long size = head.head().treeSize();

        // a node that has just started (another node may have appended): it preloads the upper levels, then
        // learns the signed size once
        AtomicInteger statements = new AtomicInteger();
        LogStore store = new LogStore(dsl.configuration().derive(
                new DefaultExecuteListenerProvider(ExecuteListener.onExecuteStart(ctx -> statements.incrementAndGet()))).dsl());
        store.preload();
        JooqTransparencyLog fresh = new JooqTransparencyLog(appender, store);
        fresh.inclusion(indexes[0], size);
        for (long index : new long[] {indexes[0], indexes[299], indexes[599], 0, size - 1}) {
            statements.set(0);
            InclusionProof proof = fresh.inclusion(index, size);
            assertThat(statements.get()).as("statements for the proof of entry %d", index).isEqualTo(1);
            byte[] leaf = log.entry(index).orElseThrow().leafHash();
            assertThat(ProofVerifier.verifyInclusion(leaf, proof, head.head().rootHash())).as("entry %d", index).isTrue();
        }

        // the tree as it was before these entries is a prefix of the tree after them, proved through the same store
        statements.set(0);
        var consistency = fresh.consistency(before.head().treeSize(), size);
        assertThat(statements.get()).isEqualTo(1);
        assertThat(ProofVerifier.verifyConsistency(consistency, before.head().rootHash(), head.head().rootHash())).isTrue();

        // a size no head signs is refused, whatever the cache holds
        assertThatThrownBy(() -> fresh.inclusion(0, size + 1000)).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("No signed tree head covers size " + (size + 1000));
        assertThat(store.isSigned(size + 1000)).isFalse();
        assertThat(store.isSigned(size)).isTrue();
    }

    @Test
    void theAuditNamesTheFirstChangedRecordAndAForgedTreeHead() throws Exception {
        Charged c = chargeOnce(4000);
        long index = c.app().get("/api/v1/me/orders/" + c.orderId() + "/receipt").body().get("verification").get("logIndex").asLong();
        PublicKey key = platformKey();
        try (Connection db = dataSource.getConnection()) {
            assertThat(LogAudit.run(db, key).findings()).isEmpty();
            byte[] original = read(db, index);
            String changed = new String(original, StandardCharsets.UTF_8).replace("\"energyWh\":4000", "\"energyWh\":3999");
            assertThat(changed).isNotEqualTo(new String(original, StandardCharsets.UTF_8));
            write(db, index, changed.getBytes(StandardCharsets.UTF_8));
            try {
                LogAudit.Report report = LogAudit.run(db, key);
                assertThat(report.firstChangedEntry()).isEqualTo(index);
                assertThat(report.findings().getFirst()).contains("entry " + index + " was changed");
            } finally {
                write(db, index, original);
            }
            assertThat(LogAudit.run(db, key).intact()).isTrue();

            // a tree head signed by someone else
            var forger = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            long size = new Api(httpPort).get("/api/v1/transparency/public/tree-head").body().get("treeSize").asLong();
            try (PreparedStatement q = db.prepareStatement("update trust_tree_head set signature = ? where tree_size = ?")) {
                var sig = java.security.Signature.getInstance("Ed25519");
                sig.initSign(forger.getPrivate());
                sig.update("forged".getBytes(StandardCharsets.UTF_8));
                byte[] original1 = readSignature(db, size);
                q.setBytes(1, sig.sign());
                q.setLong(2, size);
                q.executeUpdate();
                try {
                    assertThat(LogAudit.run(db, key).findings())
                            .anyMatch(f -> f.contains("tree head of size " + size + ": signature invalid"));
                } finally {
                    q.setBytes(1, original1);
                    q.setLong(2, size);
                    q.executeUpdate();
                }
            }
        }
    }

    private static byte[] read(Connection db, long index) throws Exception {
        try (PreparedStatement q = db.prepareStatement("select record_bytes from trust_log_entry where entry_index = ?")) {
            q.setLong(1, index);
            try (var r = q.executeQuery()) {
                r.next();
                return r.getBytes(1);
            }
        }
    }

    private static byte[] readSignature(Connection db, long size) throws Exception {
        try (PreparedStatement q = db.prepareStatement("select signature from trust_tree_head where tree_size = ?")) {
            q.setLong(1, size);
            try (var r = q.executeQuery()) {
                r.next();
                return r.getBytes(1);
            }
        }
    }

    private static void write(Connection db, long index, byte[] record) throws Exception {
        try (PreparedStatement q = db.prepareStatement("update trust_log_entry set record_bytes = ? where entry_index = ?")) {
            q.setBytes(1, record);
            q.setLong(2, index);
            q.executeUpdate();
        }
    }
}
