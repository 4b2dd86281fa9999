package io.pylon.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pylon.simulator.model.ChargingProfile;
import io.pylon.simulator.model.ChargingProfiles;
import io.pylon.simulator.model.Configuration;
import io.pylon.simulator.model.LocalAuthList;
import io.pylon.simulator.model.PowerModel;
import io.pylon.simulator.ocpp.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ModelTest {
    @Test
    void acIsFlatAndDcRampsAndTapers() {
        PowerModel ac = PowerModel.ac(11_000);
        assertThat(ac.phases()).isEqualTo(3);
        assertThat(ac.powerW(0, 20, Double.POSITIVE_INFINITY)).isEqualTo(11_000);
        assertThat(ac.powerW(0, 20, 4_000)).isEqualTo(4_000);
        assertThat(ac.current(11_000, 20)).isCloseTo(15.9, within(0.1));
        PowerModel dc = PowerModel.dc(120_000);
        assertThat(dc.powerW(0, 20, Double.POSITIVE_INFINITY)).isLessThan(20_000);
        assertThat(dc.powerW(PowerModel.DC_RAMP_SECONDS, 20, Double.POSITIVE_INFINITY)).isEqualTo(120_000);
        assertThat(dc.powerW(600, 90, Double.POSITIVE_INFINITY)).isLessThan(70_000);
        assertThat(dc.powerW(600, 100, Double.POSITIVE_INFINITY)).isZero();
    }

    @Test
    void sessionIntegratesPowerIntoTheRegister() {
        PowerModel ac = PowerModel.ac(7_400);
        ConnectorState c = new ConnectorState(1, 1000);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        Session s = new Session(1, "T", null, t0, 1000, 60_000, 20);
        s.advance(t0.plusSeconds(3600), ac, c, t -> Double.POSITIVE_INFINITY);
        assertThat(c.registerWh).isCloseTo(1000 + 7_400, within(0.5));
        assertThat(s.soc).isCloseTo(20 + 7_400 / 600.0, within(0.01));
    }

    private static ChargingProfile profile(int connector, int id, int stack, String purpose, double limitW) {
        ObjectNode json = Json.object().put("chargingProfileId", id).put("stackLevel", stack)
                .put("chargingProfilePurpose", purpose).put("chargingProfileKind", "Absolute");
        ObjectNode schedule = json.putObject("chargingSchedule").put("chargingRateUnit", "W")
                .put("startSchedule", "2025-01-01T00:00:00Z").put("duration", 3600);
        schedule.putArray("chargingSchedulePeriod").addObject().put("startPeriod", 0).put("limit", limitW);
        return ChargingProfile.parse(connector, json);
    }

    @Test
    void profilesStackAndCap() {
        ChargingProfiles profiles = new ChargingProfiles();
        ChargingProfiles.ToWatts w = (p, period) -> period.limit();
        Instant t = Instant.parse("2025-01-01T00:10:00Z");
        profiles.install(profile(0, 1, 0, "TxDefaultProfile", 10_000));
        profiles.install(profile(1, 2, 1, "TxDefaultProfile", 8_000));
        assertThat(profiles.limitW(1, t, null, w)).isEqualTo(8_000);
        assertThat(profiles.limitW(2, t, null, w)).isEqualTo(10_000);
        profiles.install(profile(1, 3, 0, "TxProfile", 6_000));
        assertThat(profiles.limitW(1, t, null, w)).isEqualTo(8_000);
        assertThat(profiles.limitW(1, t, t, w)).isEqualTo(6_000);
        profiles.install(profile(0, 4, 0, "ChargePointMaxProfile", 5_000));
        assertThat(profiles.limitW(1, t, t, w)).isEqualTo(5_000);
        assertThat(profiles.limitW(1, t.plusSeconds(7200), t, w)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(profiles.composite(1, t.plusSeconds(2400), 1200, t, 22_000, w))
                .containsExactly(new ChargingProfiles.CompositePeriod(0, 5_000), new ChargingProfiles.CompositePeriod(600, 22_000));
        assertThat(profiles.clear(null, 0, null, null)).isTrue();
        assertThat(profiles.clear(99, null, null, null)).isFalse();
    }

    @Test
    void localListFullAndDifferential() {
        LocalAuthList list = new LocalAuthList();
        ObjectNode full = Json.object().put("listVersion", 3).put("updateType", "Full");
        full.putArray("localAuthorizationList").addObject().put("idTag", "A").putObject("idTagInfo").put("status", "Accepted");
        assertThat(list.apply(full, 10)).isEqualTo("Accepted");
        assertThat(list.listEntry("A").acceptedAt(Instant.now())).isTrue();
        ObjectNode diff = Json.object().put("listVersion", 3).put("updateType", "Differential");
        assertThat(list.apply(diff, 10)).isEqualTo("VersionMismatch");
        diff.put("listVersion", 4).putArray("localAuthorizationList").addObject().put("idTag", "A");
        assertThat(list.apply(diff, 10)).isEqualTo("Accepted");
        assertThat(list.listEntry("A")).isNull();
        assertThat(list.version()).isEqualTo(4);
    }

    @Test
    void configurationRules() {
        Configuration conf = new Configuration(2, 60, 30);
        assertThat(conf.change("NumberOfConnectors", "3")).isEqualTo("Rejected");
        assertThat(conf.change("Unknown", "3")).isEqualTo("NotSupported");
        assertThat(conf.change("HeartbeatInterval", "abc")).isEqualTo("Rejected");
        assertThat(conf.change("MeterValuesSampledData", "Voltage,Nonsense")).isEqualTo("Rejected");
        assertThat(conf.change("MeterValuesSampledData", "Voltage,SoC")).isEqualTo("Accepted");
        assertThat(conf.intValue("MeterValueSampleInterval", 0)).isEqualTo(30);
    }
}
