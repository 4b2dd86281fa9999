package io.pylon.server.thermal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Thermal frames carry no user token: each is authenticated by its camera's key ({@link ThermalIngest}), so their two
 * paths get a filter chain of their own, ahead of the API's (which would ask for a Bearer JWT). Nothing else is opened.
 */
@Configuration
class ThermalSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain thermalFrames(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/thermal/frames", "/api/v1/thermal/cameras/*/frames")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }
}
