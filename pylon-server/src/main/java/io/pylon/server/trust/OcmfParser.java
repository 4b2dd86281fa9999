package io.pylon.server.trust;

import io.pylon.domain.metering.OcmfCodec;
import io.pylon.domain.metering.OcmfReading;
import io.pylon.domain.metering.OcmfRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OCMF (Open Charge Metering Format, S.A.F.E. e.V.) strings: {@code OCMF|<payload JSON>|<signature JSON>}. The
 * signature is checked over the exact payload text between the first and the last '|', never a re-serialisation.
 * Curves: secp256r1, secp384r1, brainpool P256r1 / P384r1 and secp192k1 / secp256k1, through Bouncy Castle (the JDK
 * no longer has brainpool or the k1 curves); the curve comes from the meter's key, {@code SA} names the hash.
 */
@Component
public class OcmfParser implements OcmfCodec {

    static final String DEFAULT_ALGORITHM = "ECDSA-secp256r1-SHA256";
    private static final Set<String> CURVES = Set.of("secp192k1", "secp256k1", "secp256r1", "secp384r1", "brainpool256r1",
            "brainpool384r1", "brainpoolP256r1", "brainpoolP384r1");
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** OCMF time: ISO 8601 with a comma before the milliseconds and a numeric offset, then a sync flag (I, U, S, R). */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSSZ", Locale.ROOT);

    @Override
    public OcmfRecord parse(String raw) {
        if (raw == null || !raw.startsWith("OCMF|")) {
            throw new IllegalArgumentException("does not start with OCMF|");
        }
        int first = raw.indexOf('|');
        int last = raw.lastIndexOf('|');
        if (last <= first) {
            throw new IllegalArgumentException("no signature section");
        }
        String payload = raw.substring(first + 1, last);
        JsonNode p = json(payload, "payload");
        JsonNode s = json(raw.substring(last + 1), "signature");
        String serial = text(p, "MS");
        if (serial == null || serial.isEmpty()) {
            serial = text(p, "GS");
        }
        List<OcmfReading> readings = new ArrayList<>();
        JsonNode rd = p.get("RD");
        if (rd == null || !rd.isArray() || rd.isEmpty()) {
            throw new IllegalArgumentException("no readings (RD)");
        }
        for (JsonNode r : rd) {
            readings.add(reading(r));
        }
        String algorithm = s.has("SA") ? text(s, "SA") : DEFAULT_ALGORITHM;
        String sd = text(s, "SD");
        if (sd == null || sd.isEmpty()) {
            throw new IllegalArgumentException("no signature data (SD)");
        }
        return new OcmfRecord(raw, payload, serial, text(p, "PG"), text(p, "ID"), readings, algorithm,
                decode(sd, s.has("SE") ? text(s, "SE") : "hex"));
    }

    @Override
    public boolean signatureValid(OcmfRecord record, byte[] publicKey) {
        String hash = hashOf(record.algorithm());
        try {
            PublicKey key = KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(publicKey));
            Signature ecdsa = Signature.getInstance(hash + "withECDSA", BC);
            ecdsa.initVerify(key);
            ecdsa.update(record.payload().getBytes(StandardCharsets.UTF_8));
            return ecdsa.verify(record.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a key or signature that does not even decode does not verify
        }
    }

    /** SHA256 / SHA384 / SHA512 from e.g. ECDSA-brainpool256r1-SHA256; unsupported algorithms are refused. */
    static String hashOf(String algorithm) {
        String[] parts = algorithm == null ? new String[0] : algorithm.split("-");
        if (parts.length != 3 || !"ECDSA".equals(parts[0]) || !CURVES.contains(parts[1])
                || !Set.of("SHA256", "SHA384", "SHA512").contains(parts[2])) {
            throw new UnsupportedOperationException("unsupported signature algorithm " + algorithm);
        }
        return parts[2];
    }

    private static OcmfReading reading(JsonNode r) {
        String tm = text(r, "TM");
        JsonNode rv = r.get("RV");
        if (tm == null || rv == null || !rv.isNumber()) {
            throw new IllegalArgumentException("a reading needs TM and a numeric RV");
        }
        String unit = text(r, "RU");
        if (!"Wh".equals(unit) && !"kWh".equals(unit)) {
            throw new IllegalArgumentException("unit " + unit + " is not Wh or kWh");
        }
        return new OcmfReading(time(tm), text(r, "TX"), new BigDecimal(rv.asString()), unit, text(r, "ST"), text(r, "EF"));
    }

    static Instant time(String tm) {
        String stamp = tm.contains(" ") ? tm.substring(0, tm.indexOf(' ')) : tm;
        try {
            return OffsetDateTime.parse(stamp, TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time " + tm + " is not yyyy-MM-ddTHH:mm:ss,fff+zzzz");
        }
    }

    private static byte[] decode(String sd, String encoding) {
        try {
            return "base64".equalsIgnoreCase(encoding) ? Base64.getDecoder().decode(sd) : HexFormat.of().parseHex(sd.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signature data is not " + encoding);
        }
    }

    private static JsonNode json(String text, String what) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(what + " is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new IllegalArgumentException(what + " is not JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
