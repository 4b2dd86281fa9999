package io.pylon.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.auth.AuthorizationStatus;
import io.pylon.domain.auth.Authorizer;
import io.pylon.domain.auth.IdTokenStatus;
import io.pylon.domain.common.Transactions;
import io.pylon.domain.support.InMemoryMeterValues;
import io.pylon.domain.support.InMemoryReservations;
import io.pylon.domain.support.InMemorySessions;
import io.pylon.domain.support.InMemoryTokens;
import io.pylon.domain.support.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionServiceTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryTokens tokens = new InMemoryTokens().with("CARD-1", IdTokenStatus.ACCEPTED, null, "FAMILY")
            .with("CARD-2", IdTokenStatus.ACCEPTED, null, "FAMILY").with("FAMILY", IdTokenStatus.ACCEPTED, null, null)
            .with("STOLEN", IdTokenStatus.BLOCKED, null, null);
    private final InMemorySessions sessions = new InMemorySessions(tokens);
    private final InMemoryMeterValues meterValues = new InMemoryMeterValues();
    private final InMemoryReservations reservations = new InMemoryReservations();
    private final SessionService service = new SessionService(sessions, meterValues, reservations,
            new Authorizer(tokens, charger -> null, clock), new Transactions() {
                @Override
                public <T> T inTransaction(java.util.function.Supplier<T> work) {
                    return work.get();
                }
            });

    private StartRequest start(String charger, int connector, String idTag, Instant at) {
        return new StartRequest(charger, connector, idTag, 1_000, null, at);
    }

    @Test
    void aRetransmittedStartGetsTheSameSessionAndCreatesNothing() {
        StartOutcome first = service.start(start("CP1", 1, "CARD-1", T0));
        StartOutcome again = service.start(start("CP1", 1, "CARD-1", T0));
        assertThat(first.authorization().status()).isEqualTo(AuthorizationStatus.ACCEPTED);
        assertThat(again.sessionId()).isEqualTo(first.sessionId());
        assertThat(again.duplicate()).isTrue();
        assertThat(sessions.count()).isEqualTo(1);
    }

    @Test
    void aSecondSessionOfTheSameHolderIsConcurrentTx() {
        service.start(start("CP1", 1, "CARD-1", T0));
        assertThat(service.start(start("CP2", 1, "CARD-1", T0.plusSeconds(5))).authorization().status())
                .isEqualTo(AuthorizationStatus.CONCURRENT_TX);
        assertThat(service.start(start("CP3", 1, "CARD-2", T0.plusSeconds(6))).authorization().status())
                .as("same parent counts as the same holder").isEqualTo(AuthorizationStatus.CONCURRENT_TX);
    }

    @Test
    void aBlockedCardStillGetsATransactionIdButNotAccepted() {
        StartOutcome outcome = service.start(start("CP1", 1, "STOLEN", T0));
        assertThat(outcome.sessionId()).isPositive();
        assertThat(outcome.authorization().status()).isEqualTo(AuthorizationStatus.BLOCKED);
    }

    @Test
    void startAndStopArePublishedOnceEachAndARefusedStartNotAtAll() {
        List<io.pylon.domain.event.DomainEvent> published = new java.util.ArrayList<>();
        service.publishTo(published::add);
        long id = service.start(start("CP1", 1, "CARD-1", T0)).sessionId();
        service.start(start("CP1", 1, "CARD-1", T0));
        service.start(start("CP2", 1, "STOLEN", T0));
        StopRequest stop = new StopRequest("CP1", id, 8_000, T0.plusSeconds(3600), "Local", "CARD-1", List.of());
        service.stop(stop);
        service.stop(stop);
        assertThat(published).containsExactly(
                new io.pylon.domain.event.DomainEvent.SessionStarted("CP1", id, 1, "CARD-1", 1_000, T0),
                new io.pylon.domain.event.DomainEvent.SessionStopped("CP1", id, 1, 8_000L, "Local", T0.plusSeconds(3600)));
    }

    @Test
    void aRetransmittedStopChangesNothing() {
        long id = service.start(start("CP1", 1, "CARD-1", T0)).sessionId();
        var sample = new MeterSample(T0.plusSeconds(3600), "Energy.Active.Import.Register", null, "Wh", "Transaction.End", "Outlet", "Raw", "8000");
        StopRequest stop = new StopRequest("CP1", id, 8_000, T0.plusSeconds(3600), "Local", "CARD-1", List.of(sample));
        assertThat(service.stop(stop).result()).isEqualTo(StopOutcome.Result.STOPPED);
        assertThat(service.stop(stop).result()).isEqualTo(StopOutcome.Result.ALREADY_STOPPED);
        StopRequest later = new StopRequest("CP1", id, 9_999, T0.plusSeconds(7200), "Local", "CARD-1", List.of());
        assertThat(service.stop(later).result()).isEqualTo(StopOutcome.Result.ALREADY_STOPPED);
        assertThat(sessions.find(id).orElseThrow().energyWh()).isEqualTo(7_000);
        assertThat(meterValues.all()).hasSize(1);
    }

    @Test
    void aStopFromAnotherChargerOrForAnUnknownTransactionStoresNothing() {
        long id = service.start(start("CP1", 1, "CARD-1", T0)).sessionId();
        assertThat(service.stop(new StopRequest("CP9", id, 5_000, T0.plusSeconds(60), "Local", null, List.of())).result())
                .isEqualTo(StopOutcome.Result.UNKNOWN_SESSION);
        assertThat(service.stop(new StopRequest("CP1", 424242, 5_000, T0.plusSeconds(60), "Local", null, List.of())).result())
                .isEqualTo(StopOutcome.Result.UNKNOWN_SESSION);
        assertThat(sessions.find(id).orElseThrow().state()).isEqualTo(SessionState.ACTIVE);
    }

    @Test
    void meterValuesAreLinkedOnlyToTheChargersOwnSession() {
        long id = service.start(start("CP1", 1, "CARD-1", T0)).sessionId();
        var sample = new MeterSample(T0.plusSeconds(60), "Energy.Active.Import.Register", null, "Wh", "Sample.Periodic", "Outlet", "Raw", "1100");
        service.meterValues("CP1", 1, id, List.of(sample));
        service.meterValues("CP2", 1, id, List.of(sample));
        service.meterValues("CP1", 1, id, List.of(sample));
        assertThat(meterValues.all()).extracting(MeterReading::chargerId, MeterReading::sessionId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CP1", id), org.assertj.core.groups.Tuple.tuple("CP2", null));
    }

    @Test
    void energyNeverGoesNegativeWhenTheRegisterWentBackwards() {
        long id = service.start(start("CP1", 1, "CARD-1", T0)).sessionId();
        service.stop(new StopRequest("CP1", id, 500, T0.plusSeconds(60), "Local", null, List.of()));
        assertThat(sessions.find(id).orElseThrow().energyWh()).isZero();
    }

    @Test
    void energyRegisterReadsWhAndKWh() {
        assertThat(new MeterSample(T0, "Energy.Active.Import.Register", null, "kWh", null, null, "Raw", "12.345").energyRegisterWh()).isEqualTo(12_345);
        assertThat(new MeterSample(T0, "Energy.Active.Import.Register", null, "Wh", null, null, "Raw", "42").energyRegisterWh()).isEqualTo(42);
        assertThat(new MeterSample(T0, "Power.Active.Import", null, "W", null, null, "Raw", "42").energyRegisterWh()).isNull();
        assertThat(new MeterSample(T0, "Energy.Active.Import.Register", null, "Wh", null, null, "SignedData", "OCMF|{}|{}").numeric()).isNull();
    }
}
