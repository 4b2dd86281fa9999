package io.pylon.server.ocpp.v16;

import io.pylon.domain.session.SessionService;
import io.pylon.ocpp.v16.Authorize;
import io.pylon.ocpp.v16.Ocpp16Json;
import io.pylon.server.ocpp.Ocpp16Handler;
import io.pylon.server.ocpp.OcppSession;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Authorize: answers from the id token's status, expiry and parent. */
@Component
public class AuthorizeHandler implements Ocpp16Handler {

    private final SessionService sessions;

    public AuthorizeHandler(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public String action() {
        return "Authorize";
    }

    @Override
    public JsonNode handle(OcppSession session, JsonNode payload) {
        Authorize.Request r = Ocpp16Json.read(payload, Authorize.Request.class);
        return Ocpp16Json.write(new Authorize.Response(IdTagInfos.of(sessions.authorize(session.chargerId(), r.idTag()))));
    }
}
