package io.pylon.server.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.domain.auth.Authorization;
import io.pylon.domain.auth.AuthorizationStatus;
import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.command.ChargingProfile;
import io.pylon.domain.command.CommandFailure;
import io.pylon.domain.command.CommandResult;
import io.pylon.domain.command.LocalListEntry;
import io.pylon.domain.event.DomainEvent;
import io.pylon.server.bus.CommandMessages.Reply;
import io.pylon.server.bus.CommandMessages.Request;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusCodecTest {

    private static final Instant T = Instant.parse("2026-11-22T08:30:00Z");

    @Test
    void everyKindOfEventSurvivesTheTrip() {
        for (DomainEvent event : List.of(
                new DomainEvent.ConnectorStatusChanged("CP-1", 2, ConnectorStatus.SUSPENDED_EV, "NoError", T),
                new DomainEvent.SessionStarted("CP-1", 17, 1, "CARD-1", 1000, T),
                new DomainEvent.SessionStopped("CP-1", 17, 1, 4200L, "EVDisconnected", T.plusSeconds(3600)),
                new DomainEvent.SessionStopped("CP-1", 18, 1, null, null, T))) {
            EventEnvelope sent = new EventEnvelope("id-" + event.hashCode(), "node-a", event);
            assertThat(BusCodec.readEvent(BusCodec.writeEvent(sent))).isEqualTo(sent);
        }
    }

    @Test
    void commandsWithNestedValuesSurviveTheTrip() {
        var profile = new ChargingProfile(7, null, 1, "TxDefaultProfile", "Absolute", null, T, null,
                new ChargingProfile.Schedule(3600, T, "A", new BigDecimal("6.5"),
                        List.of(new ChargingProfile.Period(0, new BigDecimal("16.0"), 3), new ChargingProfile.Period(1800, new BigDecimal("8"), null))));
        for (ChargerCommand command : List.of(
                new ChargerCommand.SetChargingProfile(1, profile),
                new ChargerCommand.SendLocalList(4, false, List.of(
                        new LocalListEntry("CARD-1", new Authorization(AuthorizationStatus.ACCEPTED, T, "PARENT")),
                        new LocalListEntry("CARD-2", null))),
                new ChargerCommand.ReserveNow(1, T, "CARD-1", null, 99),
                new ChargerCommand.GetConfiguration(List.of()),
                new ChargerCommand.ClearCache(),
                new ChargerCommand.RemoteStart(null, "CARD-1", null))) {
            Request sent = new Request("c-1", "node-b", "node-a", "CP-1", command, T);
            assertThat(CommandMessages.readRequest(CommandMessages.write(sent))).isEqualTo(sent);
        }
    }

    @Test
    void answersAndFailuresComeBackAsTheCallerExpectsThem() {
        Request request = new Request("c-2", "node-b", "node-a", "CP-1", new ChargerCommand.ClearCache(), T);
        Reply answered = Reply.answered(request, new CommandResult("Accepted",
                Map.of("configurationKey", List.of(Map.of("key", "HeartbeatInterval", "readonly", false, "value", "60")))));
        Reply read = CommandMessages.readReply(CommandMessages.write(answered));
        assertThat(read.toNode()).isEqualTo("node-b");
        assertThat(read.result()).isEqualTo(answered.result());

        Reply timeout = CommandMessages.readReply(CommandMessages.write(
                Reply.failed(request, new CommandFailure(CommandFailure.Kind.TIMEOUT, "no answer"))));
        assertThat(timeout.error()).isInstanceOfSatisfying(CommandFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(CommandFailure.Kind.TIMEOUT);
            assertThat(f.getMessage()).isEqualTo("no answer");
        });
        Reply invalid = CommandMessages.readReply(CommandMessages.write(
                Reply.failed(request, new IllegalArgumentException("Reset type: bad"))));
        assertThat(invalid.error()).isInstanceOf(IllegalArgumentException.class).hasMessage("Reset type: bad");
        Reply crashed = CommandMessages.readReply(CommandMessages.write(Reply.failed(request, new IllegalStateException("boom"))));
        assertThat(crashed.error()).isInstanceOfSatisfying(CommandFailure.class,
                f -> assertThat(f.kind()).isEqualTo(CommandFailure.Kind.CHARGER_ERROR));
    }

    @Test
    void unknownTypesAndBrokenTextAreRefused() {
        assertThatThrownBy(() -> BusCodec.readEvent("{\"eventId\":\"x\",\"type\":\"ChargerExploded\",\"event\":{}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ChargerExploded");
        assertThatThrownBy(() -> BusCodec.readEvent("{\"type\":\"SessionStarted\",\"event\":{}}")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> BusCodec.readEvent("{not json")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> CommandMessages.readRequest("{\"correlationId\":\"c\",\"fromNode\":\"a\",\"toNode\":\"b\","
                + "\"chargerId\":\"CP\",\"deadline\":\"2026-11-22T08:30:00Z\",\"command\":{\"type\":\"SelfDestruct\",\"command\":{}}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SelfDestruct");
    }
}
