package io.pylon.server.ocpp.v16;

import io.pylon.ocpp.v16.Heartbeat;
import io.pylon.ocpp.v16.Ocpp16Json;
import io.pylon.server.ocpp.Ocpp16Handler;
import io.pylon.server.ocpp.OcppSession;
import java.time.Clock;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Heartbeat: answers the time. Last-seen is recorded for every frame by the dispatcher, in batches. */
@Component
public class HeartbeatHandler implements Ocpp16Handler {

    private final Clock clock;

    public HeartbeatHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String action() {
        return "Heartbeat";
    }

    @Override
    public JsonNode handle(OcppSession session, JsonNode payload) {
        return Ocpp16Json.write(new Heartbeat.Response(clock.instant()));
    }
}
