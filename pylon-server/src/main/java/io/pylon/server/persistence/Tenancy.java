package io.pylon.server.persistence;

import io.pylon.domain.tenant.OperatingMode;
import io.pylon.domain.tenant.Operator;
import io.pylon.server.config.PylonProperties;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The platform's operating mode. In single-operator and small-owner modes an operator with code
 * {@code default} is created at first start; chargers created or accepted without an operator go to it.
 * In multi-operator mode they stay unassigned (seen by platform admins only) until placed.
 */
@Component
public class Tenancy {

    public static final String DEFAULT_CODE = "default";

    private final OperatingMode mode;
    private final Long defaultOperatorId;

    public Tenancy(JooqOperators operators, PylonProperties properties, Clock clock) {
        var settings = properties.tenancy();
        this.mode = settings.mode();
        if (mode == OperatingMode.MULTI) {
            this.defaultOperatorId = null;
        } else {
            Operator operator = operators.findByCode(DEFAULT_CODE)
                    .or(() -> operators.insert(DEFAULT_CODE, "Default operator", settings.defaultCurrency(),
                            settings.defaultTimeZone(), null, clock.instant()))
                    .or(() -> operators.findByCode(DEFAULT_CODE)).orElseThrow();
            this.defaultOperatorId = operator.id();
        }
    }

    public OperatingMode mode() {
        return mode;
    }

    /** The operator new chargers go to when none is named; null in multi-operator mode. */
    public Long defaultOperatorId() {
        return defaultOperatorId;
    }
}
