package io.pylon.domain.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which plates are EVs, and who locks and gates let in. */
class PlatesAndAccessTest {

    @Test
    void platesAreKeptInOneForm() {
        assertThat(Plates.normalise(" 京a·d12345 ")).isEqualTo("京AD12345");
        assertThat(Plates.normalise("粤B-12345")).isEqualTo("粤B12345");
        assertThatThrownBy(() -> Plates.normalise("A1")).hasMessageContaining("not a licence plate");
        assertThatThrownBy(() -> Plates.normalise("京A 1234;drop")).hasMessageContaining("not a licence plate");
        assertThatThrownBy(() -> Plates.normalise(null)).hasMessageContaining("required");
    }

    @Test
    void greenPlatesAreEvsByDefaultAndStationsMayAllowMore() {
        assertThat(PlateRule.CHINA_NEV.isEv("京AD12345", PlateColour.GREEN)).isTrue();
        assertThat(PlateRule.CHINA_NEV.isEv("京A12345", PlateColour.BLUE)).isFalse();
        assertThat(PlateRule.CHINA_NEV.isEv("京A12345", PlateColour.YELLOW)).isFalse();
        assertThat(PlateRule.CHINA_NEV.isEv("京AD1234F", PlateColour.YELLOW_GREEN)).isTrue();
        var withHybrid = new PlateRule(EnumSet.of(PlateColour.GREEN), Set.of("京a12345"));
        assertThat(withHybrid.isEv("京A12345", PlateColour.BLUE)).isTrue();
        assertThat(withHybrid.isEv("京AD1234F", PlateColour.YELLOW_GREEN)).isFalse();
        assertThat(PlateColour.parse("yellow-green")).isEqualTo(PlateColour.YELLOW_GREEN);
        assertThatThrownBy(() -> PlateColour.parse("purple")).hasMessageContaining("plateColour");
    }

    @Test
    void aLockLowersForAnEvOrTheReservingDriverOnly() {
        assertThat(AccessPolicy.lock("京AD12345", PlateColour.GREEN, PlateRule.CHINA_NEV, null).allow()).isTrue();
        assertThat(AccessPolicy.lock("京A12345", PlateColour.BLUE, PlateRule.CHINA_NEV, null).allow()).isFalse();
        assertThat(AccessPolicy.lock("京A12345", PlateColour.BLUE, PlateRule.CHINA_NEV, Set.of("京A12345")).allow()).isTrue();
        var other = AccessPolicy.lock("京AD12345", PlateColour.GREEN, PlateRule.CHINA_NEV, Set.of("京AD99999"));
        assertThat(other.allow()).isFalse();
        assertThat(other.reason()).contains("reserved for another driver");
    }

    @Test
    void aNevOnlyGateRefusesBluePlatesButLetsEveryoneOut() {
        assertThat(AccessPolicy.gate(Direction.IN, "京A12345", PlateColour.BLUE, PlateRule.CHINA_NEV, true).allow()).isFalse();
        assertThat(AccessPolicy.gate(Direction.IN, "京AD12345", PlateColour.GREEN, PlateRule.CHINA_NEV, true).allow()).isTrue();
        assertThat(AccessPolicy.gate(Direction.IN, "京A12345", PlateColour.BLUE, PlateRule.CHINA_NEV, false).allow()).isTrue();
        assertThat(AccessPolicy.gate(Direction.OUT, "京A12345", PlateColour.BLUE, PlateRule.CHINA_NEV, true).allow()).isTrue();
    }

    @Test
    void shortChargeLongStay() {
        Instant t = Instant.parse("2026-06-01T10:00:00Z");
        var visit = new Visit("京AD12345", PlateColour.GREEN, t, t.plusSeconds(60), t.plusSeconds(31 * 60), t.plusSeconds(100 * 60));
        assertThat(visit.charge()).isEqualTo(Duration.ofMinutes(30));
        assertThat(visit.stay()).isEqualTo(Duration.ofMinutes(100));
        assertThat(visit.shortChargeLongStay(3)).isTrue();
        assertThat(visit.shortChargeLongStay(4)).isFalse();
        var parkedOnly = new Visit("京A12345", PlateColour.BLUE, t, null, null, t.plusSeconds(600));
        assertThat(parkedOnly.charge()).isZero();
        assertThat(parkedOnly.shortChargeLongStay(2)).isFalse();
    }
}
