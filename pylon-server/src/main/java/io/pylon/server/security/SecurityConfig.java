package io.pylon.server.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.pylon.domain.tenant.Role;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The REST API is stateless: every call under {@code /api/v1} carries a Bearer JWT from
 * {@code POST /api/v1/auth/token} (staff) or {@code /api/v1/auth/driver-token} (drivers), except those calls and
 * payment providers' callbacks (signed by the provider, checked by the payment service). Driver tokens reach only
 * the driver app's {@code /api/v1/me/**}, and only driver tokens reach it. Cameras post events with their own API key. Failures answer problem+json.
 */
@Configuration
@org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity
public class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/auth/token", "/api/v1/auth/driver-token").permitAll()
                        // payment providers call back without a token: each callback is authenticated by its signature
                        .requestMatchers(HttpMethod.POST, "/api/v1/payments/callbacks/*").permitAll()
                        // cameras and edge-AI boxes send events with their own API key (X-Device-Id / X-Device-Key)
                        .requestMatchers(HttpMethod.POST, "/api/v1/camera-events").permitAll()
                        // the transparency log's key, signed tree heads and proofs are public: hashes only, nothing personal
                        .requestMatchers(HttpMethod.GET, "/api/v1/transparency/public/**").permitAll()
                        // the driver app: drivers only, each on their own account (staff tokens are refused)
                        .requestMatchers("/api/v1/me", "/api/v1/me/**").hasRole(Role.DRIVER.name())
                        // drivers reach nothing else, whatever permissions a staff endpoint asks for
                        .requestMatchers("/api/**").access(AuthorizationManagers.allOf(
                                AuthenticatedAuthorizationManager.authenticated(),
                                AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(Role.DRIVER.name()))))
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint((request, response, e) ->
                                problem(response, HttpStatus.UNAUTHORIZED, "Missing, invalid or expired token")))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problem(response, HttpStatus.FORBIDDEN, "Your role may not do this")));
        return http.build();
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }

    /** A token's role becomes ROLE_x plus one PERM_y authority per permission of the role ({@link Role}). */
    private static JwtAuthenticationConverter roles() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            List<GrantedAuthority> authorities = new ArrayList<>();
            for (String name : roles == null ? List.<String>of() : roles) {
                Role role;
                try {
                    role = Role.valueOf(name);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
                role.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority("PERM_" + p.name())));
            }
            return authorities;
        });
        return converter;
    }

    @Bean
    JwtDecoder jwtDecoder(JwtKeys keys) {
        return NimbusJwtDecoder.withSecretKey(keys.key()).macAlgorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    JwtEncoder jwtEncoder(JwtKeys keys) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(keys.key()));
    }
}
