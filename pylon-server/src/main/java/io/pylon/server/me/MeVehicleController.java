package io.pylon.server.me;

import io.pylon.domain.auth.IdToken;
import io.pylon.domain.auth.IdTokenRepository;
import io.pylon.domain.auth.IdTokenStatus;
import io.pylon.domain.auth.TokenKind;
import io.pylon.domain.driver.Driver;
import io.pylon.domain.driver.Vehicle;
import io.pylon.domain.driver.Vin;
import io.pylon.server.api.ConflictException;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqDrivers;
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
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.*;

/**
 * The driver's own vehicles. A vehicle's VIN is also an id token of kind VIN bound to the driver, whose id tag is
 * the VIN itself ({@link Vin}): a charger that sends the VIN as idTag starts a session billed to the driver. A VIN
 * is one id token on the platform, so a VIN already registered (by anyone) answers 409.
 */
@Tag(name = "Driver app")
@RestController
@RequestMapping("/api/v1/me/vehicles")
public class MeVehicleController {

    /** @param vin 17 characters (ISO 3779), any case; null = none */
    public record MyVehicleRequest(@NotBlank @Size(max = 16) String plate, @Size(max = 32) String vin, Boolean makeDefault) {}

    private final Me me;
    private final JooqDrivers drivers;
    private final IdTokenRepository tokens;
    private final AuditLog audit;
    private final Clock clock;

    public MeVehicleController(Me me, JooqDrivers drivers, IdTokenRepository tokens, AuditLog audit, Clock clock) {
        this.me = me;
        this.drivers = drivers;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "My vehicles (the first one added is the default)")
    @GetMapping
    public List<Vehicle> list() {
        return drivers.vehicles(me.driver().id());
    }

    @Operation(summary = "Add a vehicle; with a VIN the car starts sessions by itself (VIN start)",
            description = "409 when the VIN is already registered")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public Vehicle add(@Valid @RequestBody MyVehicleRequest r) {
        Driver driver = me.driver();
        Vin vin = vin(r.vin());
        requireFree(vin, null);
        Vehicle vehicle = drivers.addVehicle(driver.operatorId(), driver.id(), r.plate().strip(), vin == null ? null : vin.value(),
                Boolean.TRUE.equals(r.makeDefault()), clock.instant()).orElseThrow(() -> taken(vin));
        if (vin != null) addToken(driver, vin, vehicle.plate());
        audit.record(Me.actor(driver), driver.operatorId(), AuditLog.Action.CREATE, "vehicle", vehicle.id(), null, vehicle);
        return vehicle;
    }

    @Operation(summary = "Change a vehicle's plate and VIN (its VIN token follows)", description = "409 when the VIN is taken")
    @PutMapping("/{vehicleId}")
    @Transactional
    public Vehicle update(@PathVariable long vehicleId, @Valid @RequestBody MyVehicleRequest r) {
        Driver driver = me.driver();
        Vehicle before = own(driver, vehicleId);
        Vin vin = vin(r.vin());
        String oldVin = before.vin();
        requireFree(vin, oldVin);
        if (!drivers.updateVehicle(driver.id(), vehicleId, r.plate().strip(), vin == null ? null : vin.value())) throw taken(vin);
        if (oldVin != null && (vin == null || !oldVin.equals(vin.value()))) removeToken(driver, oldVin);
        if (vin != null && !vin.value().equals(oldVin)) addToken(driver, vin, r.plate().strip());
        if (Boolean.TRUE.equals(r.makeDefault())) drivers.makeDefault(driver.id(), vehicleId);
        Vehicle after = own(driver, vehicleId);
        audit.record(Me.actor(driver), driver.operatorId(), AuditLog.Action.UPDATE, "vehicle", vehicleId, before, after);
        return after;
    }

    @Operation(summary = "Make a vehicle my default")
    @PostMapping("/{vehicleId}/default")
    public List<Vehicle> makeDefault(@PathVariable long vehicleId) {
        Driver driver = me.driver();
        own(driver, vehicleId);
        drivers.makeDefault(driver.id(), vehicleId);
        return drivers.vehicles(driver.id());
    }

    @Operation(summary = "Remove a vehicle and its VIN token; the oldest other vehicle becomes the default")
    @DeleteMapping("/{vehicleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    public void delete(@PathVariable long vehicleId) {
        Driver driver = me.driver();
        Vehicle vehicle = own(driver, vehicleId);
        drivers.deleteVehicle(driver.id(), vehicleId);
        if (vehicle.vin() != null) removeToken(driver, vehicle.vin());
        List<Vehicle> rest = drivers.vehicles(driver.id());
        if (vehicle.isDefault() && !rest.isEmpty()) drivers.makeDefault(driver.id(), rest.getFirst().id());
        audit.record(Me.actor(driver), driver.operatorId(), AuditLog.Action.DELETE, "vehicle", vehicleId, vehicle, null);
    }

    private Vehicle own(Driver driver, long vehicleId) {
        return drivers.vehicle(driver.id(), vehicleId).orElseThrow(() -> new NoSuchElementException("Vehicle " + vehicleId));
    }

    private static Vin vin(String text) {
        return text == null || text.isBlank() ? null : Vin.parse(text);
    }

    /** A VIN is free when no id token has it as id tag, or it is the vehicle's own (unchanged) VIN. */
    private void requireFree(Vin vin, String current) {
        if (vin != null && !vin.value().equals(current) && tokens.find(vin.idTag()).isPresent()) throw taken(vin);
    }

    private void addToken(Driver driver, Vin vin, String plate) {
        Instant now = clock.instant();
        boolean added = tokens.insert(new IdToken(vin.idTag(), IdTokenStatus.ACCEPTED, null, null, "VIN of " + plate, now, now,
                driver.operatorId(), driver.id(), TokenKind.VIN, null, null, false));
        if (!added) throw taken(vin);
    }

    /** Removes the vehicle's VIN token, never a token of another kind or driver that happens to have that text. */
    private void removeToken(Driver driver, String vin) {
        tokens.find(vin).filter(t -> t.kind() == TokenKind.VIN && Long.valueOf(driver.id()).equals(t.driverId()))
                .ifPresent(t -> tokens.delete(t.idTag()));
    }

    private static ConflictException taken(Vin vin) {
        return new ConflictException("vin: " + (vin == null ? "" : vin.value() + " ") + "is already registered");
    }
}
