package io.pylon.server.api;

import io.pylon.domain.charger.Charger;
import io.pylon.domain.charger.ChargerEvent;
import io.pylon.domain.charger.ChargerFilter;
import io.pylon.domain.charger.ChargerRepository;
import io.pylon.domain.charger.ChargerService;
import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.charger.RegistrationStatus;
import io.pylon.domain.charger.StatusReport;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.reservation.Reservation;
import io.pylon.domain.reservation.ReservationRepository;
import io.pylon.server.api.ChargerViews.ChargerDetail;
import io.pylon.server.api.ChargerViews.ChargerSummary;
import io.pylon.server.ocpp.ConnectionRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Chargers")
@Validated
@RestController
@RequestMapping("/api/v1/chargers")
public class ChargerController {

    /** A charger created by an operator before it first connects. */
    public record CreateCharger(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:*+\\-|@]+", message = "letters, digits and ._:*+-|@ only") String id,
            @Size(max = 200) String description,
            @Min(0) @Max(2) Integer securityProfile,
            @Size(min = 8, max = 64) String password,
            RegistrationStatus registration) {}

    /** Fields to change; absent fields keep their value. */
    public record UpdateCharger(@Size(max = 200) String description, @Min(0) @Max(2) Integer securityProfile,
                                @Size(min = 8, max = 64) String password, RegistrationStatus registration) {}

    private final ChargerService service;
    private final ChargerRepository chargers;
    private final ReservationRepository reservations;
    private final ConnectionRegistry connections;
    private final Clock clock;

    public ChargerController(ChargerService service, ChargerRepository chargers, ReservationRepository reservations,
                             ConnectionRegistry connections, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.chargers = chargers;
        this.reservations = reservations;
        this.connections = connections;
    }

    @Operation(summary = "List chargers", description = "Filter by registration status, online, or any connector in a status")
    @GetMapping
    public PageResponse<ChargerSummary> list(@RequestParam(required = false) RegistrationStatus registration,
                                             @RequestParam(required = false) Boolean online,
                                             @RequestParam(required = false) ConnectorStatus connectorStatus,
                                             @RequestParam(defaultValue = "0") @Min(0) int page,
                                             @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(chargers.list(new ChargerFilter(registration, online, connectorStatus), new PageRequest(page, size)),
                ChargerSummary::of);
    }

    @Operation(summary = "A charger with its connectors and live status")
    @GetMapping("/{id}")
    public ChargerDetail get(@PathVariable String id) {
        Charger charger = find(id);
        return ChargerDetail.of(charger, chargers.connectors(id), connections.find(id).isPresent());
    }

    @Operation(summary = "Create a charger before it connects (with its security profile and password)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ChargerDetail create(@Valid @RequestBody CreateCharger request) {
        int profile = request.securityProfile() == null ? (request.password() == null ? 0 : 1) : request.securityProfile();
        if (profile >= 1 && request.password() == null) {
            throw new IllegalArgumentException("password: required for security profile " + profile);
        }
        Charger created = service.create(request.id(), request.description(), profile, request.password(),
                        request.registration() == null ? RegistrationStatus.ACCEPTED : request.registration())
                .orElseThrow(() -> new ConflictException("Charger " + request.id() + " already exists"));
        return ChargerDetail.of(created, List.of(), false);
    }

    @Operation(summary = "Change a charger's description, security profile, password or registration")
    @PatchMapping("/{id}")
    public ChargerDetail update(@PathVariable String id, @Valid @RequestBody UpdateCharger request) {
        Charger current = find(id);
        int profile = request.securityProfile() == null ? current.securityProfile() : request.securityProfile();
        if (profile >= 1 && request.password() == null && current.passwordHash() == null) {
            throw new IllegalArgumentException("password: required for security profile " + profile);
        }
        service.update(id, request.registration(), request.description(), request.securityProfile(), request.password());
        return get(id);
    }

    @Operation(summary = "Accept a pending charger")
    @PostMapping("/{id}/approve")
    public ChargerDetail approve(@PathVariable String id) {
        find(id);
        service.update(id, RegistrationStatus.ACCEPTED, null, null, null);
        return get(id);
    }

    @Operation(summary = "Delete a charger (its sessions and meter values are kept)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String id) {
        if (!chargers.delete(id)) throw new NoSuchElementException("Charger " + id);
        service.forget(id);
        connections.find(id).ifPresent(s -> s.close(io.netty.handler.codec.http.websocketx.WebSocketCloseStatus.POLICY_VIOLATION));
    }

    @Operation(summary = "Status history of a connector (0 = the charger itself), newest first")
    @GetMapping("/{id}/connectors/{connectorId}/history")
    public List<StatusReport> history(@PathVariable String id, @PathVariable int connectorId,
                                      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        find(id);
        return chargers.statusHistory(id, connectorId, limit);
    }

    @Operation(summary = "Events the charger reported: firmware, diagnostics, security, data transfer")
    @GetMapping("/{id}/events")
    public List<ChargerEvent> events(@PathVariable String id, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        find(id);
        return chargers.events(id, limit);
    }

    @Operation(summary = "Reservations on this charger, newest first")
    @GetMapping("/{id}/reservations")
    public List<Reservation> reservations(@PathVariable String id) {
        find(id);
        Instant now = clock.instant();
        return reservations.forCharger(id, 100).stream().map(r -> r.asOf(now)).toList();
    }

    private Charger find(String id) {
        return chargers.find(id).orElseThrow(() -> new NoSuchElementException("Charger " + id));
    }
}
