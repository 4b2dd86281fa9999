package io.pylon.server.trust;

import io.pylon.domain.anomaly.SessionFacts;
import io.pylon.domain.anomaly.SessionFacts.Reading;
import io.pylon.domain.order.Order;
import io.pylon.domain.session.MeterReading;
import io.pylon.domain.session.MeterSample;
import io.pylon.domain.session.MeterValueStore;
import io.pylon.domain.tariff.TariffRepository;
import io.pylon.server.persistence.JooqEquipment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The facts the anomaly rules look at: a session's register and power readings, its connector's rating, its tariff. */
@Component
public class JooqSessionFacts implements SessionFacts.Source {

    static final int MAX_READINGS = 50_000;

    private final MeterValueStore meterValues;
    private final JooqEquipment equipment;
    private final TariffRepository tariffs;

    public JooqSessionFacts(MeterValueStore meterValues, JooqEquipment equipment, TariffRepository tariffs) {
        this.meterValues = meterValues;
        this.equipment = equipment;
        this.tariffs = tariffs;
    }

    @Override
    public SessionFacts of(Order order) {
        List<Reading> register = new ArrayList<>();
        List<Reading> power = new ArrayList<>();
        for (MeterReading r : meterValues.forSession(order.sessionId(), MAX_READINGS)) {
            MeterSample s = r.sample();
            if (s.timestamp() == null) {
                continue;
            }
            Long wh = s.energyRegisterWh();
            if (wh != null) {
                register.add(new Reading(s.timestamp(), BigDecimal.valueOf(wh)));
            } else if ("Power.Active.Import".equals(s.measurand()) && (s.phase() == null || s.phase().isEmpty())
                    && s.numeric() != null) {
                power.add(new Reading(s.timestamp(), "kW".equals(s.unit()) ? s.numeric().movePointRight(3) : s.numeric()));
            }
        }
        register.sort(Comparator.comparing(Reading::at));
        power.sort(Comparator.comparing(Reading::at));
        BigDecimal rated = equipment.specs(order.chargerId()).stream().filter(c -> c.connectorId() == order.connectorId())
                .map(c -> c.maxPowerKw()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        var prices = order.bill() == null ? null : tariffs.find(order.bill().tariffId())
                .filter(t -> order.bill().tariffVersion() >= 1 && order.bill().tariffVersion() <= t.versions().size())
                .map(t -> t.versions().get(order.bill().tariffVersion() - 1).terms().prices()).orElse(null);
        return new SessionFacts(register, power, rated, prices);
    }
}
