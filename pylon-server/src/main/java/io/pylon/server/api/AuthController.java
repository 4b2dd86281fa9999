package io.pylon.server.api;

import io.pylon.server.config.PylonProperties;
import io.pylon.server.security.DriverAccounts;
import io.pylon.server.security.UserAccounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@Tag(name = "Auth")
@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {

    public record TokenRequest(@NotBlank String username, @NotBlank String password) {}

    public record TokenResponse(String token, Instant expiresAt) {}

    /**
     * Who the staff token names and what their role may do ({@code permissions}, sorted names of
     * {@link io.pylon.domain.tenant.Permission}): the console shows only the menus and actions these allow.
     */
    public record Whoami(String username, String role, Long operatorId, Long organisationId, List<String> permissions) {}

    /** A driver signs in at an operator (its code) with phone or e-mail. */
    public record DriverTokenRequest(@NotBlank String operator, @NotBlank String login, @NotBlank String password) {}

    private final UserAccounts accounts;
    private final DriverAccounts drivers;
    private final JwtEncoder encoder;
    private final PylonProperties properties;
    private final Clock clock;
    private final io.pylon.server.security.Callers callers;

    public AuthController(UserAccounts accounts, DriverAccounts drivers, JwtEncoder encoder, PylonProperties properties,
                          Clock clock, io.pylon.server.security.Callers callers) {
        this.callers = callers;
        this.accounts = accounts;
        this.drivers = drivers;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "Exchange user name and password for a Bearer token")
    @PostMapping("/token")
    public TokenResponse token(@Valid @RequestBody TokenRequest request) {
        var account = accounts.authenticate(request.username(), request.password())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Wrong user name or password"));
        var claims = claims(account.username(), account.role().name());
        if (account.operatorId() != null) claims.claim("op", account.operatorId());
        if (account.organisationId() != null) claims.claim("org", account.organisationId());
        return issue(claims);
    }

    @Operation(summary = "Who I am: user name, role, operator and my role's permissions (staff tokens)",
            description = "The console reads this after sign-in to hide the menus and buttons the role may not use; "
                    + "every endpoint still checks the permission itself. Driver tokens get 403 (they use /api/v1/me).")
    @org.springframework.web.bind.annotation.GetMapping("/whoami")
    public Whoami whoami() {
        var caller = callers.current();
        return new Whoami(caller.username(), caller.role().name(), caller.operatorId(), caller.organisationId(),
                caller.role().permissions().stream().map(Enum::name).sorted().toList());
    }

    @Operation(summary = "A driver exchanges phone or e-mail and password for a Bearer token (driver app)")
    @PostMapping("/driver-token")
    public TokenResponse driverToken(@Valid @RequestBody DriverTokenRequest request) {
        var driver = drivers.authenticate(request.operator(), request.login(), request.password())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Wrong login or password"));
        return issue(claims("driver:" + driver.id(), "DRIVER").claim("op", driver.operatorId()).claim("drv", driver.id()));
    }

    private JwtClaimsSet.Builder claims(String subject, String role) {
        Instant now = clock.instant();
        return JwtClaimsSet.builder().issuer("pylon").subject(subject).issuedAt(now)
                .expiresAt(now.plus(properties.api().tokenLifetime())).claim("roles", List.of(role));
    }

    private TokenResponse issue(JwtClaimsSet.Builder claims) {
        JwtClaimsSet set = claims.build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), set))
                .getTokenValue();
        return new TokenResponse(token, set.getExpiresAt());
    }
}
