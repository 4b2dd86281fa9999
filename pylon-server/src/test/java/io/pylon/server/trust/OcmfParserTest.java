package io.pylon.server.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.domain.metering.Meter;
import io.pylon.domain.metering.MeterDataVerifier;
import io.pylon.domain.metering.MeterVerification;
import io.pylon.domain.metering.OcmfRecord;
import io.pylon.domain.metering.VerificationStatus;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OCMF parsing and signatures on the S.A.F.E. samples; the records checks of {@link MeterDataVerifier}. */
class OcmfParserTest {

    private final OcmfParser parser = new OcmfParser();
    private final MeterDataVerifier verifier = new MeterDataVerifier(parser);

    private static Optional<Meter> meter(String serial, String key) {
        return Optional.of(new Meter(1, 1, "CP", 1, serial, key, LocalDate.of(2024, 1, 1), null));
    }

    @Test
    void theKebaSampleVerifiesAndItsTamperedCopyFails() {
        OcmfSamples good = OcmfSamples.read("test_ocmf_keba_kcp30.xml");
        OcmfSamples bad = OcmfSamples.read("test_ocmf_keba_kcp30_fail.xml");
        OcmfRecord record = parser.parse(good.signedData().getFirst());
        assertThat(record.meterSerial()).isEqualTo("17619300"); // no MS: the gateway serial stands in
        assertThat(parser.signatureValid(record, HexFormat.of().parseHex(good.publicKeyHex()))).isTrue();
        assertThat(parser.signatureValid(parser.parse(bad.signedData().getFirst()), HexFormat.of().parseHex(bad.publicKeyHex())))
                .isFalse();
        MeterVerification ok = verifier.verify(good.signedData(), meter("17619300", good.publicKeyHex()));
        assertThat(ok.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(ok.beginWh()).isEqualTo(259L); // 0.2596 kWh, whole Wh rounded down
        assertThat(ok.endWh()).isEqualTo(259L);
        MeterVerification failed = verifier.verify(bad.signedData(), meter("17619300", bad.publicKeyHex()));
        assertThat(failed.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(failed.reason()).contains("invalid signature");
    }

    @Test
    void theEbeeBeginAndEndRecordsVerifyTogether() {
        OcmfSamples ebee = OcmfSamples.read("test_ocmf_ebee_01.xml");
        MeterVerification v = verifier.verify(ebee.signedData(), meter("000033022620", ebee.publicKeyHex()));
        assertThat(v.status()).as(v.reason()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(v.beginWh()).isEqualTo(7753L);
        // end alone: no begin; reversed: pagination T29 then T28 is not continuous
        assertThat(verifier.verify(List.of(ebee.signedData().get(1)), meter("000033022620", ebee.publicKeyHex())).reason())
                .isEqualTo("no begin reading");
        assertThat(verifier.verify(List.of(ebee.signedData().get(1), ebee.signedData().get(0)),
                meter("000033022620", ebee.publicKeyHex())).reason()).contains("pagination");
        // another meter's key or serial
        assertThat(verifier.verify(ebee.signedData(), meter("000033022620", OcmfSamples.read("test_ocmf_keba_kcp30.xml")
                .publicKeyHex())).status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(verifier.verify(ebee.signedData(), meter("999", ebee.publicKeyHex())).reason()).contains("registered meter is 999");
        assertThat(verifier.verify(ebee.signedData(), Optional.empty()).status()).isEqualTo(VerificationStatus.UNVERIFIABLE);
        assertThat(verifier.verify(List.of(), Optional.empty()).status()).isEqualTo(VerificationStatus.NONE);
    }

    @Test
    void malformedStringsAndUnknownAlgorithmsAreNamed() {
        assertThatThrownBy(() -> parser.parse("OCMX|{}|{}")).hasMessageContaining("OCMF|");
        assertThatThrownBy(() -> parser.parse("OCMF|{\"RD\":[]}")).hasMessageContaining("signature");
        assertThatThrownBy(() -> parser.parse("OCMF|not json|{\"SD\":\"00\"}")).hasMessageContaining("payload is not JSON");
        assertThatThrownBy(() -> parser.parse("OCMF|{\"MS\":\"1\",\"RD\":[{\"TM\":\"x\",\"RV\":1,\"RU\":\"Wh\"}]}|{\"SD\":\"00\"}"))
                .hasMessageContaining("time");
        assertThatThrownBy(() -> parser.parse("OCMF|{\"MS\":\"1\",\"RD\":[{\"TM\":\"2021-08-25T10:01:04,000+0200 I\",\"RV\":1,"
                + "\"RU\":\"W\"}]}|{\"SD\":\"00\"}")).hasMessageContaining("unit");
        assertThat(verifier.verify(List.of("garbage"), Optional.empty()).status()).isEqualTo(VerificationStatus.FAILED);
        assertThatThrownBy(() -> OcmfParser.hashOf("RSA-foo-SHA1")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(OcmfParser.hashOf("ECDSA-brainpool256r1-SHA256")).isEqualTo("SHA256");
        assertThat(OcmfParser.hashOf("ECDSA-secp384r1-SHA384")).isEqualTo("SHA384");
    }

    @Test
    void brainpoolAndK1CurvesVerifyThroughBouncyCastle() throws Exception {
        var bc = new org.bouncycastle.jce.provider.BouncyCastleProvider();
        for (String curve : List.of("brainpoolP256r1", "secp256k1", "secp384r1", "brainpoolP384r1")) {
            var generator = java.security.KeyPairGenerator.getInstance("EC", bc);
            generator.initialize(new java.security.spec.ECGenParameterSpec(curve));
            var keys = generator.generateKeyPair();
            String payload = "{\"MS\":\"M1\",\"PG\":\"T1\",\"RD\":[{\"TM\":\"2026-01-01T10:00:00,000+0800 S\",\"TX\":\"B\","
                    + "\"RV\":100,\"RU\":\"Wh\",\"ST\":\"G\",\"EF\":\"\"},{\"TM\":\"2026-01-01T11:00:00,000+0800 S\",\"TX\":\"E\","
                    + "\"RV\":7100,\"RU\":\"Wh\",\"ST\":\"G\",\"EF\":\"\"}]}";
            var sig = java.security.Signature.getInstance("SHA256withECDSA", bc);
            sig.initSign(keys.getPrivate());
            sig.update(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String sa = curve.startsWith("brainpoolP") ? "ECDSA-brainpool" + curve.substring(10) + "-SHA256" : "ECDSA-" + curve + "-SHA256";
            String raw = "OCMF|" + payload + "|{\"SA\":\"" + sa + "\",\"SD\":\"" + HexFormat.of().formatHex(sig.sign()) + "\"}";
            String key = HexFormat.of().formatHex(keys.getPublic().getEncoded());
            MeterVerification v = verifier.verify(List.of(raw), meter("M1", key));
            assertThat(v.status()).as(curve + ": " + v.reason()).isEqualTo(VerificationStatus.VERIFIED);
            assertThat(v.energyWh()).isEqualTo(7000L);
            String errored = raw.replace("\"ST\":\"G\",\"EF\":\"\"}]}", "\"ST\":\"E\",\"EF\":\"t\"}]}");
            assertThat(verifier.verify(List.of(errored), meter("M1", key)).status()).isEqualTo(VerificationStatus.FAILED);
        }
    }
}
