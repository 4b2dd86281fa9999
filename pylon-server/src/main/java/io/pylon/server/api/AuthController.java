package io.pylon.server.api;

import io.pylon.server.config.PylonProperties;
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

    private final UserAccounts accounts;
    private final JwtEncoder encoder;
    private final PylonProperties properties;
    private final Clock clock;

    public AuthController(UserAccounts accounts, JwtEncoder encoder, PylonProperties properties, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "Exchange user name and password for a Bearer token")
    @PostMapping("/token")
    public TokenResponse token(@Valid @RequestBody TokenRequest request) {
        var account = accounts.authenticate(request.username(), request.password())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Wrong user name or password"));
        Instant now = clock.instant();
        Instant expires = now.plus(properties.api().tokenLifetime());
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("pylon").subject(account.username()).issuedAt(now)
                .expiresAt(expires).claim("roles", List.of(account.role())).build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new TokenResponse(token, expires);
    }
}
