package io.pylon.server.api;

import io.pylon.domain.charger.Charger;
import io.pylon.domain.charger.ChargerRepository;
import io.pylon.server.security.Callers;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Component;

/**
 * Finds a charger the caller may see. Another operator's charger answers exactly like one that does not
 * exist (404), so ids of other tenants leak nothing.
 */
@Component
public class ChargerAccess {

    private final ChargerRepository chargers;
    private final Callers callers;

    public ChargerAccess(ChargerRepository chargers, Callers callers) {
        this.chargers = chargers;
        this.callers = callers;
    }

    public Charger visible(String id) {
        var scope = callers.scope();
        return chargers.find(id).filter(c -> scope.includes(c.operatorId(), c.stationId()))
                .orElseThrow(() -> new NoSuchElementException("Charger " + id));
    }
}
