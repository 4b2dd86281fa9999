package io.pylon.domain.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VinTest {

    @Test
    void aVinIsReadAsTypedAndIsItsOwnIdTag() {
        Vin vin = Vin.parse(" lsvcc6a40ne012345 ");
        assertThat(vin.value()).isEqualTo("LSVCC6A40NE012345");
        assertThat(vin.idTag()).isEqualTo("LSVCC6A40NE012345").hasSizeLessThanOrEqualTo(20);
    }

    @Test
    void lettersIOAndQAndWrongLengthsAreRefused() {
        for (String bad : new String[] {null, "", "LSVCC6A40NE01234", "LSVCC6A40NE0123456", "LSVCC6A40NE01234I",
                "LSVCC6A40NE01234O", "LSVCC6A40NE01234Q", "LSVCC6A40NE-12345"}) {
            assertThatThrownBy(() -> Vin.parse(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("vin:");
        }
    }
}
