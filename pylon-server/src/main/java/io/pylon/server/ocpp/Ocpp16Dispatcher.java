package io.pylon.server.ocpp;

import io.pylon.ocpp.rpc.FrameCodec;
import io.pylon.ocpp.rpc.FrameCodec.Invalid;
import io.pylon.ocpp.rpc.FrameCodec.Message;
import io.pylon.ocpp.rpc.OcppErrorCode;
import io.pylon.ocpp.rpc.OcppMessage.Call;
import io.pylon.ocpp.rpc.OcppMessage.CallError;
import io.pylon.ocpp.rpc.OcppMessage.CallResult;
import io.pylon.ocpp.schema.Ocpp16Actions;
import io.pylon.ocpp.schema.OcppSchemas;
import io.pylon.ocpp.schema.OcppSchemas.Kind;
import io.pylon.ocpp.schema.SchemaViolation;
import io.pylon.server.metrics.GatewayMetrics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * OCPP 1.6 message flow of a connection: decode → validate → dispatch to the action's handler →
 * validate the reply → send. Decoding and validation run on the event loop (cheap, no I/O);
 * handlers run on the connection's serial executor.
 */
@Component
public class Ocpp16Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Ocpp16Dispatcher.class);
    private static final JsonNode NO_DETAILS = JsonNodeFactory.instance.objectNode();

    private final FrameCodec codec = new FrameCodec();
    private final OcppSchemas schemas;
    private final Map<String, Ocpp16Handler> handlers;
    private static final String PROTOCOL = "ocpp1.6";

    private final LastSeenTracker lastSeen;
    private final GatewayMetrics metrics;

    public Ocpp16Dispatcher(OcppSchemas schemas, List<Ocpp16Handler> handlers, LastSeenTracker lastSeen, GatewayMetrics metrics) {
        this.schemas = schemas;
        this.handlers = handlers.stream().collect(Collectors.toMap(Ocpp16Handler::action, Function.identity()));
        this.lastSeen = lastSeen;
        this.metrics = metrics;
    }

    /** On the event loop: one text frame from the charger. */
    void onText(OcppSession session, String text) {
        lastSeen.seen(session.chargerId());
        switch (codec.decode(text)) {
            case Invalid invalid -> {
                metrics.decodeFailure(PROTOCOL, invalid.violation().code().name());
                log.info("Charger {}: bad frame ({})", session.chargerId(), invalid.violation().description());
                if (invalid.violation().replyable()) {
                    session.send(new CallError(invalid.violation().id(), invalid.violation().code(),
                            invalid.violation().description(), NO_DETAILS));
                }
            }
            case Message(Call call) -> onCall(session, call);
            case Message(CallResult result) -> onResult(session, result);
            case Message(CallError error) -> session.onReply(error);
        }
    }

    private void onCall(OcppSession session, Call call) {
        long received = System.nanoTime();
        if (!schemas.knows(call.action())) {
            metrics.received(PROTOCOL, "unknown");
            reject(session, call, OcppErrorCode.NOT_IMPLEMENTED, "Unknown action " + call.action());
            return;
        }
        metrics.received(PROTOCOL, call.action());
        Ocpp16Handler handler = handlers.get(call.action());
        if (handler == null || !Ocpp16Actions.FROM_CHARGER.contains(call.action())) {
            reject(session, call, OcppErrorCode.NOT_SUPPORTED, "Action " + call.action() + " is not supported by the central system");
            return;
        }
        Optional<SchemaViolation> violation = schemas.validate(call.action(), Kind.REQUEST, call.payload());
        if (violation.isPresent()) {
            SchemaViolation v = violation.get();
            reject(session, call, v.code(), v.field() + ": " + v.description());
            return;
        }
        session.inbound().execute(() -> {
            MDC.put("charger", session.chargerId());
            try {
                handle(session, handler, call);
            } finally {
                MDC.remove("charger");
                metrics.handled(PROTOCOL, call.action(), System.nanoTime() - received);
            }
        });
    }

    private void handle(OcppSession session, Ocpp16Handler handler, Call call) {
        if (!session.accepted() && !handler.allowedBeforeAccepted()) {
            reject(session, call, OcppErrorCode.SECURITY_ERROR, "Charger is not accepted: send BootNotification and wait for Accepted");
            return;
        }
        try {
            JsonNode reply = handler.handle(session, call.payload());
            Optional<SchemaViolation> invalid = schemas.validate(call.action(), Kind.RESPONSE, reply);
            if (invalid.isPresent()) {
                log.error("Charger {}: our {} reply breaks the schema: {}", session.chargerId(), call.action(), invalid.get());
                reject(session, call, OcppErrorCode.INTERNAL_ERROR, "Central system could not build a valid reply");
                return;
            }
            session.send(new CallResult(call.id(), reply));
        } catch (OcppCallException e) {
            reject(session, call, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Charger {}: {} failed", session.chargerId(), call.action(), e);
            reject(session, call, OcppErrorCode.INTERNAL_ERROR, "Central system failed to process " + call.action());
        }
    }

    private void onResult(OcppSession session, CallResult result) {
        String action = session.inFlightAction(result.id());
        if (action != null) {
            Optional<SchemaViolation> invalid = schemas.validate(action, Kind.RESPONSE, result.payload());
            if (invalid.isPresent()) {
                session.onReply(new CallError(result.id(), invalid.get().code(),
                        "Reply breaks the " + action + " schema at " + invalid.get().field(), NO_DETAILS));
                return;
            }
        }
        session.onReply(result);
    }

    private void reject(OcppSession session, Call call, OcppErrorCode code, String description) {
        metrics.callError(PROTOCOL, schemas.knows(call.action()) ? call.action() : "unknown", code.name());
        session.send(new CallError(call.id(), code, description, NO_DETAILS));
    }
}
