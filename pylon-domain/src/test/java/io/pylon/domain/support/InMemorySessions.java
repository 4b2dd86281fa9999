package io.pylon.domain.support;

import io.pylon.domain.auth.AuthorizationStatus;
import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.session.NewSession;
import io.pylon.domain.session.SessionFilter;
import io.pylon.domain.session.SessionRepository;
import io.pylon.domain.session.SessionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Sessions in a map with the same uniqueness rule as the database (charger, connector, start time). */
public final class InMemorySessions implements SessionRepository {
    private final Map<Long, ChargingSession> sessions = new LinkedHashMap<>();
    private final InMemoryTokens tokens;
    private long nextId = 1;

    public InMemorySessions(InMemoryTokens tokens) {
        this.tokens = tokens;
    }

    public int count() {
        return sessions.size();
    }

    @Override
    public Optional<Long> insert(NewSession s) {
        if (findByStart(s.chargerId(), s.connectorId(), s.startedAt()).isPresent()) return Optional.empty();
        long id = nextId++;
        sessions.put(id, new ChargingSession(id, s.chargerId(), s.connectorId(), s.idTag(), s.authStatus(), s.reservationId(),
                s.meterStartWh(), s.startedAt(), null, null, null, null, SessionState.ACTIVE, null, null, s.startedAt()));
        return Optional.of(id);
    }

    @Override
    public Optional<ChargingSession> findByStart(String chargerId, int connectorId, Instant startedAt) {
        return sessions.values().stream().filter(s -> s.chargerId().equals(chargerId) && s.connectorId() == connectorId
                && s.startedAt().equals(startedAt)).findFirst();
    }

    @Override
    public Optional<ChargingSession> find(long id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public boolean hasActive(String idTag, String parentIdTag) {
        return sessions.values().stream().anyMatch(s -> s.state() == SessionState.ACTIVE
                && s.authStatus() == AuthorizationStatus.ACCEPTED
                && (s.idTag().equals(idTag) || parentIdTag != null
                && tokens.find(s.idTag()).map(t -> Objects.equals(t.parentIdTag(), parentIdTag)).orElse(false)));
    }

    @Override
    public boolean complete(long id, long meterStopWh, Instant stoppedAt, String reason, String stopIdTag) {
        ChargingSession s = sessions.get(id);
        if (s == null || s.state() != SessionState.ACTIVE) return false;
        sessions.put(id, new ChargingSession(id, s.chargerId(), s.connectorId(), s.idTag(), s.authStatus(), s.reservationId(),
                s.meterStartWh(), s.startedAt(), meterStopWh, stoppedAt, reason, stopIdTag, SessionState.COMPLETED, s.operatorId(), s.stationId(), s.createdAt()));
        return true;
    }

    @Override
    public Page<ChargingSession> list(SessionFilter filter, PageRequest page) {
        List<ChargingSession> all = new ArrayList<>(sessions.values());
        return new Page<>(all, 0, all.size(), all.size());
    }

    @Override
    public void refuse(long id, io.pylon.domain.auth.AuthorizationStatus status) {
        ChargingSession s = sessions.get(id);
        sessions.put(id, new ChargingSession(id, s.chargerId(), s.connectorId(), s.idTag(), status, s.reservationId(),
                s.meterStartWh(), s.startedAt(), s.meterStopWh(), s.stoppedAt(), s.stopReason(), s.stopIdTag(), s.state(),
                s.operatorId(), s.stationId(), s.createdAt()));
    }
}
