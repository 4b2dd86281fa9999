package io.pylon.server.security;

import io.pylon.domain.driver.Driver;
import io.pylon.domain.driver.DriverStatus;
import io.pylon.server.persistence.JooqDrivers;
import io.pylon.server.persistence.JooqOperators;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Driver sign-in for the driver app: operator code + phone or e-mail + password. */
@Component
public class DriverAccounts {

    private final JooqOperators operators;
    private final JooqDrivers drivers;
    private final PasswordEncoder encoder;
    private final String decoyHash;

    public DriverAccounts(JooqOperators operators, JooqDrivers drivers, PasswordEncoder encoder) {
        this.operators = operators;
        this.drivers = drivers;
        this.encoder = encoder;
        this.decoyHash = encoder.encode("decoy-" + System.nanoTime());
    }

    /** The driver if the password matches and they are not blocked. */
    public Optional<Driver> authenticate(String operatorCode, String login, String password) {
        var found = operators.findByCode(operatorCode).flatMap(o -> drivers.login(o.id(), login));
        if (found.isEmpty() || found.get().passwordHash() == null) {
            encoder.matches(password, decoyHash);
            return Optional.empty();
        }
        var candidate = found.get();
        return encoder.matches(password, candidate.passwordHash()) && candidate.driver().status() == DriverStatus.ACTIVE
                ? Optional.of(candidate.driver()) : Optional.empty();
    }
}
