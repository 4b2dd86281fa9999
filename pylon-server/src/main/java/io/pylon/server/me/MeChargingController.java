package io.pylon.server.me;

import io.pylon.domain.driver.Driver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * Find a connector and charge: resolve a typed connector code or a scanned QR payload, start charging there with
 * the driver's app token, watch the session live (poll), stop it.
 */
@Tag(name = "Driver app")
@Validated
@RestController
@RequestMapping("/api/v1/me")
public class MeChargingController {

    /** Name the connector by the code printed on it ({@code connectorCode}) or by the scanned QR payload ({@code qr}). */
    public record StartRequest(@Size(max = 512) String connectorCode, @Size(max = 512) String qr) {}

    /** The charger accepted the start; the session appears at {@code GET /api/v1/me/sessions/active} once it begins. */
    public record StartView(String status, String chargerId, int connectorId, String connectorCode, String idTag,
                            Instant requestedAt, String next) {}

    public record StopView(long sessionId, String status, Instant requestedAt) {}

    private final Me me;
    private final ConnectorFinder finder;
    private final RemoteCharging charging;
    private final DriverSessions sessions;
    private final LiveSessions live;
    private final Clock clock;

    public MeChargingController(Me me, ConnectorFinder finder, RemoteCharging charging, DriverSessions sessions,
                                LiveSessions live, Clock clock) {
        this.me = me;
        this.finder = finder;
        this.charging = charging;
        this.sessions = sessions;
        this.live = live;
        this.clock = clock;
    }

    @Operation(summary = "A connector by its code (or pylon:<chargerId>:<connectorId>): status, station, today's prices")
    @GetMapping("/connectors/{code}")
    public ConnectorView connector(@PathVariable String code) {
        Driver driver = me.driver();
        return finder.find(driver, code).map(ConnectorView::of).orElseThrow(() -> new NoSuchElementException("Connector " + code));
    }

    @Operation(summary = "A connector by a scanned QR payload: a code, pylon:<chargerId>:<connectorId>, or a URL with the code")
    @GetMapping("/connectors")
    public ConnectorView scanned(@RequestParam @NotBlank @Size(max = 512) String qr) {
        Driver driver = me.driver();
        return finder.find(driver, qr).map(ConnectorView::of)
                .orElseThrow(() -> new IllegalArgumentException("qr: not a connector of this operator"));
    }

    @Operation(summary = "Start charging at a connector (RemoteStartTransaction with my app token)",
            description = "202 when the charger accepted; the session begins when the car is plugged in. Refusals are "
                    + "problem+json with a reason: 400 unknown connector, 409 CONNECTOR_NOT_AVAILABLE, CHARGER_OFFLINE, "
                    + "STATION_CLOSED, NO_TARIFF, ACTIVE_SESSION, INSUFFICIENT_BALANCE, CHARGER_REJECTED; 403 TOKEN_BLOCKED; "
                    + "504 CHARGER_NOT_ANSWERING")
    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public StartView start(@Valid @RequestBody StartRequest r) {
        boolean byCode = r.connectorCode() != null && !r.connectorCode().isBlank();
        boolean byQr = r.qr() != null && !r.qr().isBlank();
        if (byCode == byQr) throw new IllegalArgumentException("connectorCode: give either connectorCode or qr");
        String field = byCode ? "connectorCode" : "qr";
        Driver driver = me.driver();
        var target = finder.find(driver, byCode ? r.connectorCode() : r.qr())
                .orElseThrow(() -> new IllegalArgumentException(field + ": no connector of this operator has this "
                        + (byCode ? "code" : "QR code")));
        String idTag = charging.start(driver, target, field, me.operatorOf(driver).currency());
        return new StartView("REQUESTED", target.charger().id(), target.connectorId(),
                target.spec().map(s -> s.code()).orElse(null), idTag, clock.instant(),
                "Plug in if you have not; the session appears at GET /api/v1/me/sessions/active once it begins");
    }

    @Operation(summary = "My sessions still running (poll while charging)")
    @GetMapping("/sessions/active")
    public List<LiveSessionView> active() {
        return sessions.active(me.driver()).stream().map(live::view).toList();
    }

    @Operation(summary = "One of my sessions, live: energy, power, SoC, duration, estimated cost so far")
    @GetMapping("/sessions/{id}")
    public LiveSessionView session(@PathVariable long id) {
        return live.view(own(me.driver(), id));
    }

    @Operation(summary = "Stop one of my sessions (RemoteStopTransaction)",
            description = "202 when the charger accepted; the order is billed when the charger reports the stop. "
                    + "404 for a session that is not mine; 409 SESSION_NOT_ACTIVE when it has stopped already")
    @PostMapping("/sessions/{id}/stop")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public StopView stop(@PathVariable long id) {
        Driver driver = me.driver();
        charging.stop(driver, own(driver, id));
        return new StopView(id, "STOP_REQUESTED", clock.instant());
    }

    private DriverSessions.Owned own(Driver driver, long id) {
        return sessions.own(driver, id).orElseThrow(() -> new NoSuchElementException("Session " + id));
    }
}
