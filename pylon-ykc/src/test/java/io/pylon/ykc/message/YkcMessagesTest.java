package io.pylon.ykc.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.ykc.codec.YkcFrame;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class YkcMessagesTest {

    @Test
    void everyFrameTypeOfTheReferenceSurvivesARoundTrip() {
        Set<Integer> types = new TreeSet<>();
        for (YkcMessage message : SampleMessages.all()) {
            YkcMessage decoded = YkcMessages.decode(YkcMessages.frame(7, message));
            assertThat(decoded).as("type 0x%02X", message.type()).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(message);
            types.add(message.type());
        }
        Set<Integer> reference = Set.of(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x09, 0x0A, 0x12, 0x13, 0x15, 0x17, 0x19,
                0x1B, 0x1D, 0x1F, 0x21, 0x23, 0x25, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x3B, 0x40, 0x41, 0x42, 0x43,
                0x44, 0x45, 0x46, 0x47, 0x48, 0x51, 0x52, 0x55, 0x56, 0x57, 0x58, 0x61, 0x62, 0x63, 0x91, 0x92, 0x93,
                0x94, 0xA1, 0xA2, 0xA3, 0xA4);
        assertThat(types).containsExactlyInAnyOrderElementsOf(reference);
        assertThat(reference).allMatch(YkcMessages::knows);
    }

    @Test
    void aBodyOfTheWrongLengthIsMalformed() {
        for (YkcMessage message : SampleMessages.all()) {
            byte[] body = message.body();
            if (message instanceof BmsFrame || message instanceof OfflineCards.CardsReply) continue; // open-ended
            YkcFrame shorter = YkcFrame.plain(1, message.type(), Arrays.copyOf(body, body.length - 1));
            YkcFrame longer = YkcFrame.plain(1, message.type(), Arrays.copyOf(body, body.length + 1));
            assertThatThrownBy(() -> YkcMessages.decode(shorter)).as("0x%02X", message.type())
                    .isInstanceOf(MalformedBodyException.class);
            if (message.type() != RemoteReboot.COMMAND) { // 8 (V1.6 text) or 11 (captured) bytes
                assertThatThrownBy(() -> YkcMessages.decode(longer)).as("0x%02X", message.type())
                        .isInstanceOf(MalformedBodyException.class);
            }
        }
    }

    @Test
    void unknownTypesAndEncryptedBodiesAreNamedNotGuessed() {
        assertThat(YkcMessages.decode(YkcFrame.plain(1, 0x7F, new byte[] {1}))).isEqualTo(new Unknown(0x7F, new byte[] {1}));
        assertThatThrownBy(() -> YkcMessages.decode(new YkcFrame(1, 1, 0x03, new byte[9])))
                .isInstanceOf(MalformedBodyException.class).hasMessageContaining("encrypted");
    }

    @Test
    void valuesThatDoNotFitTheirFieldAreRefusedNotCut() {
        assertThatThrownBy(() -> new RemoteStart.Command("1", "123456789012345", 1, "1", "1", BigDecimal.ONE).body())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CardBalance.Update("1", 1, "1", new BigDecimal("1.001")).body())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CardBalance.Update("1", 1, "1", new BigDecimal("-1")).body())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkParameters.Set("1", true, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVinTravelsReversedInAStartRequest() {
        var request = new StartRequest.Request("1", 1, StartRequest.VIN, false, "0", "0", "LSVAU2180N2183294");
        byte[] body = request.body();
        String wire = new String(body, body.length - 17, 17, java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(wire).isEqualTo("4923812N0812UAVSL");
        assertThat(new StringBuilder(wire).reverse().toString()).isEqualTo(request.vin());
    }

    @Test
    void cp56TimesCarryMillisecondsAndIgnoreTheWeekday() {
        var a = ClockSync.set(SampleMessages.PILE, SampleMessages.AT);
        byte[] body = a.body();
        assertThat(Arrays.copyOfRange(body, 7, 14)).isEqualTo(new byte[] {0x13, (byte) 0xB8, 0x0E, 0x11, 0x10, 0x03, 0x18});
        body[11] |= (byte) (6 << 5);
        assertThat(YkcMessages.decode(YkcFrame.plain(1, ClockSync.SET, body))).isEqualTo(a);
    }
}
