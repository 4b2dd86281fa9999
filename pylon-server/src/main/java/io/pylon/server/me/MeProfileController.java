package io.pylon.server.me;

import io.pylon.domain.driver.Driver;
import io.pylon.domain.driver.DriverStatus;
import io.pylon.server.api.ConflictException;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqDrivers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.*;

/** The driver's own account in the driver app: profile, contact and password. */
@Tag(name = "Driver app", description = "A driver's own account, vehicles, cards, wallet, charging and receipts")
@RestController
@RequestMapping("/api/v1/me")
public class MeProfileController {

    /** The driver's account; {@code currency} is their operator's (wallet and prices). */
    public record ProfileView(long id, long operatorId, String operatorCode, String operatorName, String currency,
                              String phone, String email, String name, DriverStatus status, Instant createdAt) {}

    /** Fields to change; an absent field keeps its value, an empty phone or e-mail removes it (one must remain). */
    public record ProfilePatch(@Pattern(regexp = "|\\+?[0-9]{5,20}", message = "digits, optionally with a leading +") String phone,
                               @Email @Size(max = 200) String email, @Size(max = 100) String name) {}

    public record PasswordChange(@NotBlank String currentPassword, @NotBlank @Size(min = 8, max = 64) String newPassword) {}

    private final Me me;
    private final JooqDrivers drivers;
    private final AuditLog audit;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public MeProfileController(Me me, JooqDrivers drivers, AuditLog audit, PasswordEncoder encoder, Clock clock) {
        this.me = me;
        this.drivers = drivers;
        this.audit = audit;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Operation(summary = "The signed-in driver's account")
    @GetMapping
    public ProfileView profile() {
        return view(me.driver());
    }

    @Operation(summary = "Change name, phone or e-mail", description = "Absent fields are kept; \"\" removes a phone "
            + "or e-mail, but one of them must remain. 409 when another driver of the operator has the phone or e-mail.")
    @PatchMapping
    public ProfileView update(@Valid @RequestBody ProfilePatch patch) {
        Driver before = me.driver();
        String phone = patch.phone() == null ? before.phone() : emptyToNull(patch.phone());
        String email = patch.email() == null ? before.email() : emptyToNull(patch.email());
        if (phone == null && email == null) {
            throw new IllegalArgumentException((patch.phone() != null ? "phone" : "email") + ": a phone or an e-mail is required");
        }
        String name = patch.name() == null ? before.name() : emptyToNull(patch.name().strip());
        Driver after = new Driver(before.id(), before.operatorId(), phone, email, name, before.status(), before.createdAt());
        if (!drivers.update(after, clock.instant())) {
            throw new ConflictException((patch.phone() != null ? "phone" : "email") + ": another driver has this phone or e-mail");
        }
        audit.record(Me.actor(before), before.operatorId(), AuditLog.Action.UPDATE, "driver", before.id(), before, after);
        return view(me.driver());
    }

    @Operation(summary = "Change the password", description = "400 when the current password is wrong")
    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void changePassword(@Valid @RequestBody PasswordChange change) {
        Driver driver = me.driver();
        String login = driver.phone() != null ? driver.phone() : driver.email();
        var stored = drivers.login(driver.operatorId(), login).orElseThrow();
        if (stored.passwordHash() == null || !encoder.matches(change.currentPassword(), stored.passwordHash())) {
            throw new IllegalArgumentException("currentPassword: wrong password");
        }
        drivers.setPassword(driver.id(), encoder.encode(change.newPassword()), clock.instant());
        audit.record(Me.actor(driver), driver.operatorId(), AuditLog.Action.UPDATE, "driver", driver.id(), null,
                java.util.Map.of("password", "changed"));
    }

    private ProfileView view(Driver d) {
        var operator = me.operatorOf(d);
        return new ProfileView(d.id(), d.operatorId(), operator.code(), operator.name(),
                operator.currency().getCurrencyCode(), d.phone(), d.email(), d.name(), d.status(), d.createdAt());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
