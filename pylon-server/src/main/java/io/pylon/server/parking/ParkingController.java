package io.pylon.server.parking;

import io.pylon.domain.parking.BayIdleFee;
import io.pylon.domain.parking.FeeUnit;
import io.pylon.domain.parking.ParkingSettings;
import io.pylon.domain.parking.PlateColour;
import io.pylon.domain.parking.PlateRule;
import io.pylon.server.api.ConflictException;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqParking;
import io.pylon.server.persistence.JooqParkingFees;
import io.pylon.server.persistence.JooqStations;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Parking", description = "Stations' parking rules (grace, idle fee, EV plates, long stays), barrier gates, "
        + "\"short charge, long stay\" statistics, and collecting idle fees of orders without a wallet")
@Validated
@RestController
@RequestMapping("/api/v1/parking")
public class ParkingController {

    /** The idle fee: {@code price} per MINUTE, or per started HOUR, after the grace period; {@code cap} limits it (optional). */
    public record ParkingIdleFee(@NotNull @DecimalMin("0") BigDecimal price, @NotNull FeeUnit unit, @DecimalMin("0") BigDecimal cap) {}

    /**
     * A station's parking rules. {@code evPlateColours}: plate colours that count as EVs (default GREEN and YELLOW_GREEN);
     * {@code allowedPlates}: single plates that count as EVs whatever their colour; {@code longStayMinutes}: flag a
     * vehicle present longer (null: never); {@code idleFee} null: no idle fee.
     */
    public record ParkingRules(@NotNull @Min(0) @Max(1440) Integer graceMinutes, @Valid ParkingIdleFee idleFee,
                           @NotNull @Size(min = 1, max = 6) List<@NotNull PlateColour> evPlateColours,
                           @Size(max = 100) List<@NotBlank @Size(max = 16) String> allowedPlates,
                           @Min(1) @Max(525600) Integer longStayMinutes) {
        static ParkingRules of(ParkingSettings s) {
            BayIdleFee fee = s.idleFee();
            return new ParkingRules(s.graceMinutes(), fee == null ? null : new ParkingIdleFee(fee.price(), fee.unit(), fee.cap()),
                    s.plates().evColours().stream().sorted().toList(), s.plates().allowedPlates().stream().sorted().toList(),
                    s.longStay() == null ? null : (int) s.longStay().toMinutes());
        }
    }

    /**
     * Visits that ended in [from, to): how many, how many charged, their average charge and stay minutes, and how many
     * stayed more than {@code factor} times as long as they charged ("short charge, long stay").
     */
    public record ParkingStats(long stationId, Instant from, Instant to, long visits, long chargedVisits, long averageChargeMinutes,
                        long averageStayMinutes, int factor, long shortChargeLongStay) {}

    /** A barrier gate; {@code nevOnly}: its entry opens only for NEV plates (by the station's EV plate rule). */
    public record GateRequest(@Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "1 to 64 letters, digits, '.', '_' or '-'") String id,
                              @NotNull Long stationId, @NotBlank @Size(max = 100) String name, @NotNull Boolean nevOnly) {}

    /** How an idle fee DUE (no wallet) was collected, and the receipt or transfer number. */
    public record FeePayment(@NotNull @Pattern(regexp = "CASH|BANK_TRANSFER|CARD_TERMINAL|OTHER",
            message = "must be CASH, BANK_TRANSFER, CARD_TERMINAL or OTHER") String method, @NotBlank @Size(max = 100) String reference) {}

    private final JooqParking parking;
    private final JooqParkingFees fees;
    private final JooqStations stations;
    private final Callers callers;
    private final AuditLog audit;
    private final IdleFees idleFees;
    private final Clock clock;

    public ParkingController(JooqParking parking, JooqParkingFees fees, JooqStations stations, Callers callers, AuditLog audit,
                             IdleFees idleFees, Clock clock) {
        this.parking = parking;
        this.fees = fees;
        this.stations = stations;
        this.callers = callers;
        this.audit = audit;
        this.idleFees = idleFees;
        this.clock = clock;
    }

    @Operation(summary = "A station's parking rules (the defaults when none were set)")
    @GetMapping("/settings/{stationId}")
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public ParkingRules settings(@PathVariable long stationId) {
        station(stationId);
        return ParkingRules.of(fees.settings(stationId).orElse(ParkingSettings.DEFAULT));
    }

    @Operation(summary = "Set a station's parking rules: grace, idle fee, EV plates, long-stay limit")
    @PutMapping("/settings/{stationId}")
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public ParkingRules setSettings(@PathVariable long stationId, @Valid @RequestBody ParkingRules r) {
        var station = station(stationId);
        ParkingRules before = settings(stationId);
        BayIdleFee fee = r.idleFee() == null ? null : new BayIdleFee(r.graceMinutes(), r.idleFee().price(), r.idleFee().unit(),
                r.idleFee().cap());
        if (fee != null && fee.cap() != null && fee.cap().scale() > 2) throw new IllegalArgumentException("idleFee.cap: at most 2 decimals");
        Set<PlateColour> colours = EnumSet.copyOf(r.evPlateColours());
        var settings = new ParkingSettings(r.graceMinutes(), fee, new PlateRule(colours, r.allowedPlates() == null ? Set.of()
                : Set.copyOf(r.allowedPlates())), r.longStayMinutes() == null ? null : Duration.ofMinutes(r.longStayMinutes()));
        fees.saveSettings(stationId, station.operatorId(), settings, clock.instant());
        ParkingRules after = ParkingRules.of(settings);
        audit.record(callers.current().username(), station.operatorId(), AuditLog.Action.UPDATE, "parking-settings", stationId,
                before, after);
        return after;
    }

    @Operation(summary = "\"Short charge, long stay\" statistics of a station",
            description = "Visits that ended in [from, to); factor N (default 2): a visit counts when its stay exceeds N × its charge time")
    @GetMapping("/stats")
    @PreAuthorize("hasAuthority('PERM_REPORTS_READ')")
    public ParkingStats stats(@RequestParam long stationId, @RequestParam Instant from, @RequestParam Instant to,
                       @RequestParam(defaultValue = "2") @Min(1) @Max(100) int factor) {
        station(stationId);
        if (!to.isAfter(from)) throw new IllegalArgumentException("to: must be after from");
        var s = parking.stats(stationId, from, to, factor);
        return new ParkingStats(stationId, from, to, s.visits(), s.charged(), s.averageCharge().toMinutes(), s.averageStay().toMinutes(),
                factor, s.shortChargeLongStay());
    }

    @Operation(summary = "Add a barrier gate (driven over MQTT: docs/parking.md)")
    @PostMapping("/gates")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public JooqParking.ParkingGate createGate(@Valid @RequestBody GateRequest r) {
        if (r.id() == null) throw new IllegalArgumentException("id: required");
        var station = station(r.stationId());
        var gate = new JooqParking.ParkingGate(r.id(), station.operatorId(), station.id(), r.name().strip(), r.nevOnly(), null, null, null, null);
        if (!parking.insertGate(gate, clock.instant())) throw new ConflictException("Gate " + r.id() + " exists already");
        var created = gate(r.id());
        audit.record(callers.current().username(), station.operatorId(), AuditLog.Action.CREATE, "gate", r.id(), null, created);
        return created;
    }

    @Operation(summary = "Barrier gates in your scope")
    @GetMapping("/gates")
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public List<JooqParking.ParkingGate> gates(@RequestParam(required = false) Long stationId) {
        return parking.gates(callers.scope(), stationId);
    }

    @Operation(summary = "Rename a gate or change whether its entry is NEV-only")
    @PutMapping("/gates/{id}")
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public JooqParking.ParkingGate updateGate(@PathVariable String id, @Valid @RequestBody GateRequest r) {
        var before = gate(id);
        if (r.id() != null && !r.id().equals(id)) throw new IllegalArgumentException("id: a gate's id cannot change");
        if (r.stationId() != before.stationId()) throw new IllegalArgumentException("stationId: a gate cannot move to another station");
        parking.updateGate(id, r.name().strip(), r.nevOnly(), clock.instant());
        var after = gate(id);
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.UPDATE, "gate", id, before, after);
        return after;
    }

    @Operation(summary = "Remove a gate")
    @DeleteMapping("/gates/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public void deleteGate(@PathVariable String id) {
        var before = gate(id);
        parking.deleteGate(id);
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.DELETE, "gate", id, before, null);
    }

    @Operation(summary = "Record an order's idle fee collected (an order without a wallet: its parking line is DUE)",
            description = "The order's own payment must be recorded first. Once: repeating it answers the line unchanged.")
    @PostMapping("/fees/{orderId}/payments")
    @PreAuthorize("hasAuthority('PERM_ORDERS_REFUND')")
    public JooqParkingFees.ParkingFeeLine collect(@PathVariable long orderId, @Valid @RequestBody FeePayment r) {
        var line = fees.fee(orderId).filter(f -> callers.scope().includes(f.operatorId(), f.stationId()))
                .orElseThrow(() -> new NoSuchElementException("Idle fee of order " + orderId));
        String actor = callers.current().username();
        String refused = idleFees.collect(line, r.method().toLowerCase(java.util.Locale.ROOT) + ":" + r.reference(), actor);
        if (refused != null) throw new ConflictException(refused);
        var after = fees.fee(orderId).orElseThrow();
        if (!after.state().equals(line.state())) {
            audit.record(actor, line.operatorId(), AuditLog.Action.UPDATE, "parking-fee", orderId, line, after);
        }
        return after;
    }

    private io.pylon.domain.station.Station station(long id) {
        return stations.find(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("Station " + id));
    }

    private JooqParking.ParkingGate gate(String id) {
        return parking.gate(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("Gate " + id));
    }
}
