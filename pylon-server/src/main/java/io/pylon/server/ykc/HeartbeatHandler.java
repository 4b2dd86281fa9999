package io.pylon.server.ykc;

import io.pylon.domain.charger.ChargerService;
import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.charger.StatusReport;
import io.pylon.server.ocpp.LastSeenTracker;
import io.pylon.ykc.message.Heartbeat;
import io.pylon.ykc.message.YkcMessage;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 0x03 heartbeat: answered at once; last-seen recorded in batches. A gun that turns faulty is reported
 * Faulted; its recovery shows in the next real-time data.
 */
@Component("ykcHeartbeatHandler")
public class HeartbeatHandler implements YkcHandler {

    private final LastSeenTracker lastSeen;
    private final ChargerService chargers;
    private final YkcClock clock;

    public HeartbeatHandler(LastSeenTracker lastSeen, ChargerService chargers, YkcClock clock) {
        this.lastSeen = lastSeen;
        this.chargers = chargers;
        this.clock = clock;
    }

    @Override
    public Set<Integer> types() {
        return Set.of(Heartbeat.PING);
    }

    @Override
    public void handle(YkcConnection connection, int sequence, YkcMessage message) {
        Heartbeat.Ping ping = (Heartbeat.Ping) message;
        if (!Piles.ours(connection, ping.pile(), message.type())) return;
        connection.reply(sequence, new Heartbeat.Pong(ping.pile(), ping.gun()));
        lastSeen.seen(connection.pile());
        YkcConnection.GunState gun = connection.gun(ping.gun());
        if (ping.gunFault() && !gun.fault && ping.gun() > 0) {
            chargers.status(connection.pile(), new StatusReport(ping.gun(), ConnectorStatus.FAULTED, "OtherError",
                    "YKC heartbeat: gun fault", null, null, clock.now()));
            gun.status = null;
        }
        gun.fault = ping.gunFault();
    }
}
