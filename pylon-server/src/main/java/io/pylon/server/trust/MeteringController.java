package io.pylon.server.trust;

import io.pylon.domain.charger.ChargerRepository;
import io.pylon.domain.metering.Meter;
import io.pylon.domain.metering.MeterRepository;
import io.pylon.domain.metering.MeterVerification;
import io.pylon.domain.metering.MeteringService;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.session.SessionRepository;
import io.pylon.server.api.ConflictException;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** Calibrated meters (registry, rotation due dates) and what a session's signed meter data came to. */
@Tag(name = "Metering", description = "Meter registry, signed meter data (OCMF) and S.A.F.E. export")
@Validated
@RestController
@RequestMapping("/api/v1")
public class MeteringController {

    /**
     * A meter to register.
     *
     * @param publicKey X.509 SubjectPublicKeyInfo of the meter's signing key, DER as hex (spaces allowed, as printed
     *                  on meters); null = signatures cannot be verified
     */
    public record NewMeter(String chargerId, Integer connectorId, String serial, String publicKey,
                           LocalDate firstVerifiedOn, LocalDate rotationDueOn) {}

    public record MeterView(long id, long operatorId, String chargerId, int connectorId, String serial, String publicKey,
                            LocalDate firstVerifiedOn, LocalDate rotationDueOn, boolean rotationReminderDue) {}

    /** A session's signed meter data: status VERIFIED, UNVERIFIABLE, FAILED or NONE. */
    public record SessionMetering(long sessionId, String status, String reason, String meterSerial, Long beginWh,
                                  Long endWh, Long signedEnergyWh, List<String> signedData) {}

    private final MeterRepository meters;
    private final MeteringService metering;
    private final SessionRepository sessions;
    private final ChargerRepository chargers;
    private final SafeExport safe;
    private final Callers callers;
    private final Clock clock;

    public MeteringController(MeterRepository meters, MeteringService metering, SessionRepository sessions,
                              ChargerRepository chargers, SafeExport safe, Callers callers, Clock clock) {
        this.meters = meters;
        this.metering = metering;
        this.sessions = sessions;
        this.chargers = chargers;
        this.safe = safe;
        this.callers = callers;
        this.clock = clock;
    }

    @Operation(summary = "Register a charger's meter with its public key and verification dates",
            description = "connectorId 0 = one meter for the whole charger. rotationDueOn 5 to 8 years after "
                    + "firstVerifiedOn; default 8 years")
    @PreAuthorize("hasAuthority('PERM_CHARGERS_WRITE')")
    @PostMapping("/meters")
    public ResponseEntity<MeterView> register(@RequestBody NewMeter body) {
        if (body.chargerId() == null || body.firstVerifiedOn() == null) {
            throw new IllegalArgumentException("chargerId and firstVerifiedOn: required");
        }
        var scope = callers.scope();
        var charger = chargers.find(body.chargerId()).filter(c -> scope.includes(c.operatorId(), c.stationId()))
                .orElseThrow(() -> new NoSuchElementException("Charger " + body.chargerId()));
        if (charger.operatorId() == null) {
            throw new IllegalArgumentException("chargerId: place the charger with an operator first");
        }
        String key = body.publicKey() == null ? null : body.publicKey().replaceAll("\\s", "").toLowerCase(Locale.ROOT);
        if (key != null) {
            try {
                HexFormat.of().parseHex(key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("publicKey: hex digits of the key's DER encoding");
            }
        }
        Meter meter = new Meter(0, charger.operatorId(), charger.id(), body.connectorId() == null ? 0 : body.connectorId(),
                body.serial(), key, body.firstVerifiedOn(), body.rotationDueOn());
        Meter stored = meters.register(meter)
                .orElseThrow(() -> new ConflictException("connector " + meter.connectorId() + " of " + meter.chargerId()
                        + " has a meter already"));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(stored));
    }

    @Operation(summary = "Meters, soonest rotation first")
    @PreAuthorize("hasAuthority('PERM_CHARGERS_READ')")
    @GetMapping("/meters")
    public List<MeterView> list(@RequestParam(defaultValue = "90") @Min(0) @Max(3650) int noticeDays) {
        return meters.list(callers.scope()).stream().map(m -> view(m, noticeDays)).toList();
    }

    @Operation(summary = "What a session's signed meter data came to")
    @PreAuthorize("hasAuthority('PERM_SESSIONS_READ')")
    @GetMapping("/sessions/{id}/metering")
    public SessionMetering sessionMetering(@PathVariable long id) {
        ChargingSession s = visibleSession(id);
        MeterVerification v = metering.outcome(s.id());
        return new SessionMetering(s.id(), v.status().name(), v.reason(), v.meterSerial(), v.beginWh(), v.endWh(),
                v.energyWh(), v.signedData());
    }

    @Operation(summary = "A session's signed meter values as S.A.F.E. transparency software XML")
    @PreAuthorize("hasAuthority('PERM_SESSIONS_READ')")
    @GetMapping(value = "/sessions/{id}/safe.xml", produces = MediaType.APPLICATION_XML_VALUE)
    public String safeXml(@PathVariable long id) {
        ChargingSession s = visibleSession(id);
        return safe.xml(s.id(), meters.forConnector(s.chargerId(), s.connectorId()));
    }

    private ChargingSession visibleSession(long id) {
        var scope = callers.scope();
        return sessions.find(id).filter(s -> scope.includes(s.operatorId(), s.stationId()))
                .orElseThrow(() -> new NoSuchElementException("Session " + id));
    }

    private MeterView view(Meter m) {
        return view(m, 90);
    }

    private MeterView view(Meter m, int noticeDays) {
        return new MeterView(m.id(), m.operatorId(), m.chargerId(), m.connectorId(), m.serial(), m.publicKeyHex(),
                m.firstVerifiedOn(), m.rotationDueOn(), m.rotationReminderDue(LocalDate.now(clock), noticeDays));
    }
}
