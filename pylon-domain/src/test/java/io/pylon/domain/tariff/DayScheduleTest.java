package io.pylon.domain.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DayScheduleTest {

    static final String SHANGHAI = "00:00-07:00 VALLEY, 07:00-10:00 FLAT, 10:00-11:30 PEAK, 11:30-13:00 SHARP, "
            + "13:00-19:00 FLAT, 19:00-21:00 PEAK, 21:00-23:00 FLAT, 23:00-24:00 VALLEY";

    @Test
    void parsesRangesAndFindsTheBandAtATime() {
        DaySchedule schedule = DaySchedule.parse(SHANGHAI);

        assertThat(schedule.bandAt(LocalTime.of(0, 0))).isEqualTo(Band.VALLEY);
        assertThat(schedule.bandAt(LocalTime.of(6, 59, 59))).isEqualTo(Band.VALLEY);
        assertThat(schedule.bandAt(LocalTime.of(7, 0))).isEqualTo(Band.FLAT);
        assertThat(schedule.bandAt(LocalTime.of(12, 0))).isEqualTo(Band.SHARP);
        assertThat(schedule.bandAt(LocalTime.of(23, 59, 59, 999_999_999))).isEqualTo(Band.VALLEY);
        assertThat(schedule.boundaries()).extracting(LocalTime::toString).containsExactly(
                "00:00", "07:00", "10:00", "11:30", "13:00", "19:00", "21:00", "23:00");
    }

    @Test
    void formatRoundTripsThroughParse() {
        DaySchedule schedule = DaySchedule.parse(SHANGHAI);

        assertThat(schedule.format()).isEqualTo(SHANGHAI);
        assertThat(DaySchedule.parse(schedule.toString())).isEqualTo(schedule);
    }

    @Test
    void aRangeMayWrapPastMidnight() {
        DaySchedule wrapped = DaySchedule.parse("23:00-07:00 valley, 07:00-23:00 flat");

        assertThat(wrapped.format()).isEqualTo("00:00-07:00 VALLEY, 07:00-23:00 FLAT, 23:00-24:00 VALLEY");
        assertThat(DaySchedule.builder().band(LocalTime.of(7, 0), LocalTime.MIDNIGHT, Band.FLAT)
                .band(LocalTime.MIDNIGHT, LocalTime.of(7, 0), Band.VALLEY).build().bandAt(LocalTime.of(22, 0)))
                .isEqualTo(Band.FLAT);
    }

    @Test
    void rejectsTimesOffTheHalfHour() {
        assertThatThrownBy(() -> DaySchedule.parse("00:00-07:15 VALLEY, 07:15-24:00 FLAT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("07:15");
    }

    @Test
    void rejectsOverlapsAndGaps() {
        assertThatThrownBy(() -> DaySchedule.parse("00:00-08:00 VALLEY, 07:00-24:00 FLAT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap at 07:00-07:30");
        assertThatThrownBy(() -> DaySchedule.parse("00:00-07:00 VALLEY, 08:00-24:00 FLAT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No band for 07:00-07:30");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:00-24:00", "00:00-24:00 CHEAP", "0:00-24:00 FLAT", "07:00-07:00 FLAT", ""})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> DaySchedule.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomSchedulesRoundTrip() {
        for (long seed = 0; seed < 200; seed++) {
            DaySchedule schedule = RandomSchedules.of(new SplittableRandom(seed));
            assertThat(DaySchedule.parse(schedule.format())).as("seed %d", seed).isEqualTo(schedule);
        }
    }
}
