package io.pylon.server.api;

import io.pylon.domain.auth.IdToken;
import io.pylon.domain.auth.IdTokenRepository;
import io.pylon.domain.auth.IdTokenStatus;
import io.pylon.domain.auth.TokenKind;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.driver.Driver;
import io.pylon.domain.driver.DriverStatus;
import io.pylon.domain.driver.Vehicle;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqDrivers;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Drivers", description = "Driver accounts and their vehicles")
@Validated
@RestController
@RequestMapping("/api/v1/drivers")
public class DriverController {

    /** A driver needs a phone or an e-mail; a password lets them sign in to the driver app. */
    public record DriverRequest(Long operatorId,
                                @Pattern(regexp = "\\+?[0-9]{5,20}", message = "digits, optionally with a leading +") String phone,
                                @Email @Size(max = 200) String email, @Size(max = 100) String name,
                                @Size(min = 8, max = 64) String password, DriverStatus status) {}

    /** @param vin 17 characters, letters I, O and Q excluded (ISO 3779) */
    public record VehicleRequest(@NotBlank @Size(max = 16) String plate,
                                 @Pattern(regexp = "[A-HJ-NPR-Z0-9]{17}", message = "17 characters, no I, O or Q") String vin,
                                 Boolean makeDefault) {}

    private final JooqDrivers drivers;
    private final IdTokenRepository tokens;
    private final Callers callers;
    private final ActingOperator acting;
    private final AuditLog audit;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public DriverController(JooqDrivers drivers, IdTokenRepository tokens, Callers callers, ActingOperator acting,
                            AuditLog audit, PasswordEncoder encoder, Clock clock) {
        this.drivers = drivers;
        this.tokens = tokens;
        this.callers = callers;
        this.acting = acting;
        this.audit = audit;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Operation(summary = "List drivers", description = "q matches name, phone or e-mail")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_DRIVERS_READ')")
    public PageResponse<Driver> list(@RequestParam(required = false) String q, @RequestParam(required = false) DriverStatus status,
                                     @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(drivers.list(callers.scope(), q, status, new PageRequest(page, size)), d -> d);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_DRIVERS_READ')")
    public Driver get(@PathVariable long id) {
        return drivers.find(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("Driver " + id));
    }

    @Operation(summary = "Create a driver account")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_DRIVERS_WRITE')")
    public Driver create(@Valid @RequestBody DriverRequest r) {
        requireContact(r);
        long operatorId = acting.resolve(r.operatorId());
        long id = drivers.insert(operatorId, r.phone(), r.email(), r.name(),
                        r.password() == null ? null : encoder.encode(r.password()), clock.instant())
                .orElseThrow(() -> new ConflictException("A driver with this phone or e-mail exists"));
        Driver created = get(id);
        audit.record(callers.current().username(), operatorId, AuditLog.Action.CREATE, "driver", id, null, created);
        return created;
    }

    @Operation(summary = "Change a driver's contact, name, status (blocked drivers cannot charge) or password")
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_DRIVERS_WRITE')")
    public Driver update(@PathVariable long id, @Valid @RequestBody DriverRequest r) {
        requireContact(r);
        Driver before = get(id);
        Driver after = new Driver(id, before.operatorId(), r.phone(), r.email(), r.name(),
                r.status() == null ? before.status() : r.status(), before.createdAt());
        Instant now = clock.instant();
        if (!drivers.update(after, now)) throw new ConflictException("Another driver has this phone or e-mail");
        if (r.password() != null) drivers.setPassword(id, encoder.encode(r.password()), now);
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.UPDATE, "driver", id, before, after);
        return get(id);
    }

    @Operation(summary = "A driver's vehicles")
    @GetMapping("/{id}/vehicles")
    @PreAuthorize("hasAuthority('PERM_DRIVERS_READ')")
    public List<Vehicle> vehicles(@PathVariable long id) {
        return drivers.vehicles(get(id).id());
    }

    @Operation(summary = "Add a vehicle; with a VIN the car can start sessions by itself (VIN start)")
    @PostMapping("/{id}/vehicles")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_DRIVERS_WRITE')")
    @Transactional
    public Vehicle addVehicle(@PathVariable long id, @Valid @RequestBody VehicleRequest r) {
        Driver driver = get(id);
        Instant now = clock.instant();
        Vehicle vehicle = drivers.addVehicle(driver.operatorId(), id, r.plate(), r.vin(), Boolean.TRUE.equals(r.makeDefault()), now)
                .orElseThrow(() -> new ConflictException("VIN " + r.vin() + " is already registered"));
        if (r.vin() != null && !tokens.insert(new IdToken(r.vin(), IdTokenStatus.ACCEPTED, null, null, "VIN of " + r.plate(),
                now, now, driver.operatorId(), id, TokenKind.VIN, null, null, false))) {
            throw new ConflictException("VIN " + r.vin() + " is already an id token");
        }
        audit.record(callers.current().username(), driver.operatorId(), AuditLog.Action.CREATE, "vehicle", vehicle.id(), null, vehicle);
        return vehicle;
    }

    @Operation(summary = "Make a vehicle the driver's default")
    @PostMapping("/{id}/vehicles/{vehicleId}/default")
    @PreAuthorize("hasAuthority('PERM_DRIVERS_WRITE')")
    public List<Vehicle> makeDefault(@PathVariable long id, @PathVariable long vehicleId) {
        vehicle(id, vehicleId);
        drivers.makeDefault(id, vehicleId);
        return drivers.vehicles(id);
    }

    @Operation(summary = "Remove a vehicle (and its VIN token)")
    @DeleteMapping("/{id}/vehicles/{vehicleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_DRIVERS_WRITE')")
    @Transactional
    public void deleteVehicle(@PathVariable long id, @PathVariable long vehicleId) {
        Vehicle vehicle = vehicle(id, vehicleId);
        drivers.deleteVehicle(id, vehicleId);
        if (vehicle.vin() != null) tokens.delete(vehicle.vin());
        audit.record(callers.current().username(), get(id).operatorId(), AuditLog.Action.DELETE, "vehicle", vehicleId, vehicle, null);
    }

    private Vehicle vehicle(long driverId, long vehicleId) {
        get(driverId);
        return drivers.vehicle(driverId, vehicleId).orElseThrow(() -> new NoSuchElementException("Vehicle " + vehicleId));
    }

    private static void requireContact(DriverRequest r) {
        if ((r.phone() == null || r.phone().isBlank()) && (r.email() == null || r.email().isBlank())) {
            throw new IllegalArgumentException("phone: a phone or an e-mail is required");
        }
    }
}
