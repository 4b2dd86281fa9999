package io.pylon.server.api;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.session.MeterReading;
import io.pylon.domain.session.MeterSample;
import io.pylon.domain.session.MeterValueStore;
import io.pylon.domain.session.SessionFilter;
import io.pylon.domain.session.SessionRepository;
import io.pylon.domain.session.SessionState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Sessions", description = "Charging sessions (OCPP transactions) with their meter values")
@Validated
@RestController
@RequestMapping("/api/v1/sessions")
@org.springframework.security.access.prepost.PreAuthorize("hasAuthority('PERM_SESSIONS_READ')")
public class SessionController {

    /** A session with its energy in Wh and, on the detail view, its meter values. */
    public record SessionView(long id, String chargerId, int connectorId, String idTag, String authStatus,
                              Integer reservationId, long meterStartWh, Long meterStopWh, Long energyWh, Instant startedAt,
                              Instant stoppedAt, String stopReason, SessionState state, Long operatorId, Long stationId,
                              List<MeterSample> meterValues) {
        static SessionView of(ChargingSession s, List<MeterSample> values) {
            return new SessionView(s.id(), s.chargerId(), s.connectorId(), s.idTag(), s.authStatus().name(), s.reservationId(),
                    s.meterStartWh(), s.meterStopWh(), s.energyWh(), s.startedAt(), s.stoppedAt(), s.stopReason(), s.state(), s.operatorId(), s.stationId(), values);
        }
    }

    /** Most meter values returned with one session. */
    static final int MAX_METER_VALUES = 20_000;

    private final SessionRepository sessions;
    private final MeterValueStore meterValues;
    private final io.pylon.server.security.Callers callers;

    public SessionController(SessionRepository sessions, MeterValueStore meterValues, io.pylon.server.security.Callers callers) {
        this.sessions = sessions;
        this.meterValues = meterValues;
        this.callers = callers;
    }

    @Operation(summary = "List sessions", description = "Filter by charger, id tag, state and start time [from, to)")
    @GetMapping
    public PageResponse<SessionView> list(@RequestParam(required = false) Long stationId,
                                          @RequestParam(required = false) String chargerId,
                                          @RequestParam(required = false) String idTag,
                                          @RequestParam(required = false) SessionState state,
                                          @RequestParam(required = false) Instant from,
                                          @RequestParam(required = false) Instant to,
                                          @RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from: must be before to");
        }
        return PageResponse.of(sessions.list(new SessionFilter(callers.scope(), stationId, chargerId, idTag, state, from, to), new PageRequest(page, size)),
                s -> SessionView.of(s, null));
    }

    @Operation(summary = "A session with its meter values in time order")
    @GetMapping("/{id}")
    public SessionView get(@PathVariable long id) {
        var scope = callers.scope();
        ChargingSession session = sessions.find(id).filter(s -> scope.includes(s.operatorId(), s.stationId()))
                .orElseThrow(() -> new NoSuchElementException("Session " + id));
        return SessionView.of(session, meterValues.forSession(id, MAX_METER_VALUES).stream().map(MeterReading::sample).toList());
    }
}
