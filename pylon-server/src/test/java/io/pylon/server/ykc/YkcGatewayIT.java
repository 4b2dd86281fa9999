package io.pylon.server.ykc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawYkcPile;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import io.pylon.ykc.message.BillingModel;
import io.pylon.ykc.message.BillingModelCheck;
import io.pylon.ykc.message.ClockSync;
import io.pylon.ykc.message.Heartbeat;
import io.pylon.ykc.message.Login;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Power-on flow of a pile over a real socket: login, clock sync, billing-model check and request, heartbeats. */
class YkcGatewayIT extends PylonIT {

    @Test
    void aPileLogsInGetsItsClockSetAndItsStationsTariffAsABillingModel() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("YKC power-on");
        var tariff = op.admin().post("/api/v1/tariffs", """
                {"name":"TOU","terms":{"workdaySchedule":"00:00-08:00 VALLEY, 08:00-10:00 FLAT, 10:00-12:00 PEAK, 12:00-14:00 SHARP, 14:00-24:00 FLAT",
                 "prices":[{"band":"SHARP","electricityPerKwh":1.2,"servicePerKwh":0.8},{"band":"PEAK","electricityPerKwh":1.0,"servicePerKwh":0.6},
                 {"band":"FLAT","electricityPerKwh":0.7,"servicePerKwh":0.5},{"band":"VALLEY","electricityPerKwh":0.3,"servicePerKwh":0.4}]}}""");
        assertThat(tariff.status()).as(tariff.raw()).isEqualTo(201);
        assertThat(op.admin().put("/api/v1/stations/" + station + "/tariff", "{\"tariffId\":" + tariff.body().get("id").asLong() + "}").status()).isEqualTo(200);
        String pile = "3201" + String.format("%010d", System.nanoTime() % 10_000_000_000L);
        op.charger(pile, station);

        try (RawYkcPile p = RawYkcPile.connect(ykcPort())) {
            int seq = p.send(0x1234, new Login.Request(pile, 0, 2, Login.V16, "T1.0", 1, "0".repeat(20), 4));
            RawYkcPile.Received reply = p.expect(Login.REPLY);
            assertThat(reply.sequence()).isEqualTo(seq);
            assertThat(((Login.Reply) reply.message()).accepted()).isTrue();
            assertThat(((ClockSync) p.expect(ClockSync.SET).message()).pile()).isEqualTo(pile);

            p.send(0xBEEF, new BillingModelCheck.Request(pile, 0));
            RawYkcPile.Received check = p.expect(BillingModelCheck.REPLY);
            assertThat(check.sequence()).isEqualTo(0xBEEF);
            assertThat(((BillingModelCheck.Reply) check.message()).same()).isFalse();

            p.send(new BillingModel.Request(pile));
            BillingModel model = ((BillingModel.Answer) p.expect(BillingModel.MODEL).message()).model();
            assertThat(model.pile()).isEqualTo(pile);
            assertThat(model.electricity()).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("1.2"), new BigDecimal("1.0"), new BigDecimal("0.7"), new BigDecimal("0.3"));
            assertThat(model.service()).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("0.8"), new BigDecimal("0.6"), new BigDecimal("0.5"), new BigDecimal("0.4"));
            assertThat(model.slots().subList(0, 16)).containsOnly(3);
            assertThat(model.slots().subList(16, 20)).containsOnly(2);
            assertThat(model.slots().subList(20, 24)).containsOnly(1);
            assertThat(model.slots().subList(24, 28)).containsOnly(0);
            assertThat(model.slots().subList(28, 48)).containsOnly(2);

            p.send(new BillingModelCheck.Request(pile, model.model()));
            assertThat(((BillingModelCheck.Reply) p.expect(BillingModelCheck.REPLY).message()).same()).isTrue();

            int hb = p.send(new Heartbeat.Ping(pile, 1, false));
            RawYkcPile.Received pong = p.expect(Heartbeat.PONG);
            assertThat(pong.sequence()).isEqualTo(hb);
            assertThat(pong.message()).isEqualTo(new Heartbeat.Pong(pile, 1));

            var charger = op.admin().get("/api/v1/chargers/" + pile);
            assertThat(charger.body().get("online").asBoolean()).as(charger.raw()).isTrue();

            // the tariff changes: the pile is pushed the new model without asking
            var revised = op.admin().post("/api/v1/tariffs/" + tariff.body().get("id").asLong() + "/versions", """
                    {"terms":{"workdaySchedule":"00:00-24:00 FLAT","prices":[{"band":"FLAT","electricityPerKwh":0.9,"servicePerKwh":0.5}]}}""");
            assertThat(revised.status()).as(revised.raw()).isIn(200, 201);
            BillingModel pushed;
            do { // a push of the first model may have raced the pile's own request: answer it and wait for the new one
                RawYkcPile.Received push = p.expect(BillingModel.PUSH, Duration.ofSeconds(15));
                pushed = ((BillingModel.Push) push.message()).model();
                p.send(push.sequence(), new BillingModel.PushReply(pile, true));
            } while (!pushed.slots().stream().allMatch(slot -> slot == 2));
            assertThat(pushed.model()).isNotEqualTo(model.model());
            assertThat(pushed.electricity().get(2)).isEqualByComparingTo("0.9");
        }
    }
}
