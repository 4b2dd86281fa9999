package io.pylon.server.bus;

import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.command.ChargerGateway;
import io.pylon.domain.command.CommandFailure;
import io.pylon.domain.command.CommandResult;
import io.pylon.server.bus.CommandMessages.Reply;
import io.pylon.server.bus.CommandMessages.Request;
import io.pylon.server.cluster.CommandTransport;
import io.pylon.server.cluster.NodeIdentity;
import io.pylon.server.config.PylonProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Commands between nodes over Kafka. A request goes to the commands topic keyed by charger id (so commands to
 * one charger stay in order) and names the node that must execute it; that node runs it with its local
 * gateway and sends the answer to the replies topic with the request's correlation id. The caller's future
 * fails with TIMEOUT when no answer comes within the timeout. A request delivered twice is executed once,
 * a late or repeated answer is dropped, and a request found after its deadline is not executed at all.
 */
@Component
@ConditionalOnProperty(name = "pylon.bus", havingValue = "kafka")
public class KafkaCommandTransport implements CommandTransport {

    private static final Logger log = LoggerFactory.getLogger(KafkaCommandTransport.class);
    /** Correlation ids of requests executed here, remembered to drop a redelivered one. */
    private static final int REMEMBERED = 50_000;

    private final KafkaTemplate<String, String> kafka;
    private final KafkaBusProperties settings;
    private final NodeIdentity self;
    private final ExecutorService workers;
    private final Clock clock;
    private final Duration timeout;
    private final Map<String, CompletableFuture<CommandResult>> waiting = new ConcurrentHashMap<>();
    private final Map<String, Boolean> executed = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    private volatile ChargerGateway local;

    public KafkaCommandTransport(KafkaTemplate<String, String> kafka, KafkaBusProperties settings, NodeIdentity self,
                                 @Qualifier("ocppWorkers") ExecutorService workers, PylonProperties properties, Clock clock) {
        this.kafka = kafka;
        this.settings = settings;
        this.self = self;
        this.workers = workers;
        this.clock = clock;
        this.timeout = settings.commandTimeout().isZero()
                ? properties.ocpp().callTimeout().plusSeconds(5) : settings.commandTimeout();
    }

    @Override
    public void serve(ChargerGateway localGateway) {
        this.local = localGateway;
    }

    @Override
    public CompletableFuture<CommandResult> send(String nodeId, String chargerId, ChargerCommand command) {
        Request request = new Request(UUID.randomUUID().toString(), self.id(), nodeId, chargerId, command,
                clock.instant().plus(timeout));
        CompletableFuture<CommandResult> answer = new CompletableFuture<>();
        waiting.put(request.correlationId(), answer);
        answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> waiting.remove(request.correlationId()));
        kafka.send(settings.commandsTopic(), chargerId, CommandMessages.write(request)).whenComplete((sent, e) -> {
            if (e != null) {
                answer.completeExceptionally(new CommandFailure(CommandFailure.Kind.OFFLINE,
                        "Could not reach node " + nodeId + " holding charger " + chargerId + ": " + e.getMessage()));
            }
        });
        return answer.exceptionallyCompose(e -> CompletableFuture.failedFuture(
                e instanceof java.util.concurrent.TimeoutException
                        ? new CommandFailure(CommandFailure.Kind.TIMEOUT, "No answer from node " + nodeId
                                + " holding charger " + chargerId + " within " + timeout)
                        : e));
    }

    /** A request read from the bus: executed here if it is addressed to this node, new and still wanted. */
    void received(Request request) {
        if (!request.toNode().equals(self.id())) return;
        synchronized (executed) {
            if (executed.putIfAbsent(request.correlationId(), Boolean.TRUE) != null) return;
        }
        if (clock.instant().isAfter(request.deadline())) {
            log.warn("Dropped command {} for {}: its caller gave up at {}", request.correlationId(), request.chargerId(), request.deadline());
            return;
        }
        workers.execute(() -> execute(request));
    }

    private void execute(Request request) {
        CompletableFuture<CommandResult> result;
        try {
            result = local.send(request.chargerId(), request.command());
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((r, e) -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            Reply reply = cause == null ? Reply.answered(request, r) : Reply.failed(request, cause);
            kafka.send(settings.repliesTopic(), request.fromNode(), CommandMessages.write(reply));
        });
    }

    /** An answer read from the bus: completes the waiting caller if it is this node's and still waiting. */
    void answered(Reply reply) {
        if (!reply.toNode().equals(self.id())) return;
        CompletableFuture<CommandResult> caller = waiting.remove(reply.correlationId());
        if (caller == null) return;
        if (reply.result() != null) {
            caller.complete(reply.result());
        } else {
            caller.completeExceptionally(reply.error());
        }
    }

    /** Requests sent by this node still waiting for an answer. */
    int waiting() {
        return waiting.size();
    }
}
