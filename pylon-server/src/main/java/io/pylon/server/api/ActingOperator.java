package io.pylon.server.api;

import io.pylon.server.persistence.JooqOperators;
import io.pylon.server.persistence.Tenancy;
import io.pylon.server.security.Callers;
import org.springframework.stereotype.Component;

/**
 * The operator a create request acts for: always the caller's own; a platform admin names one (or gets
 * the default operator in single-operator mode). Naming another operator is a validation error.
 */
@Component
public class ActingOperator {

    private final Callers callers;
    private final Tenancy tenancy;
    private final JooqOperators operators;

    public ActingOperator(Callers callers, Tenancy tenancy, JooqOperators operators) {
        this.callers = callers;
        this.tenancy = tenancy;
        this.operators = operators;
    }

    public long resolve(Long requested) {
        var caller = callers.current();
        if (caller.operatorId() != null) {
            if (requested != null && !requested.equals(caller.operatorId())) {
                throw new IllegalArgumentException("operatorId: you may only act for your own operator");
            }
            return caller.operatorId();
        }
        Long id = requested != null ? requested : tenancy.defaultOperatorId();
        if (id == null || operators.find(id).isEmpty()) {
            throw new IllegalArgumentException("operatorId: name an existing operator");
        }
        return id;
    }
}
