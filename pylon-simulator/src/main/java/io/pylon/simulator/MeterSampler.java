package io.pylon.simulator;

import io.pylon.simulator.model.PowerModel;
import io.pylon.simulator.ocpp.Json;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds OCPP 1.6 MeterValue objects (timestamp + sampledValue list) from a connector's state. */
final class MeterSampler {
    private MeterSampler() {
    }

    static Set<String> measurands(String csv) {
        return csv == null ? Set.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    /**
     * @param measurands measurands to include (SoC only on DC)
     * @param context    Sample.Periodic, Transaction.Begin, Transaction.End, Trigger...
     */
    static ObjectNode sample(Instant t, ConnectorState c, PowerModel model, Set<String> measurands, String context) {
        Session s = c.session;
        double power = s == null || s.stopping && !"Transaction.End".equals(context) ? 0.0 : s.powerW;
        double soc = s == null ? 0.0 : s.soc;
        ObjectNode mv = Json.object().put("timestamp", Json.time(t));
        ArrayNode values = mv.putArray("sampledValue");
        if (measurands.contains("Energy.Active.Import.Register") || measurands.isEmpty()) {
            values.add(value(Long.toString((long) Math.floor(c.registerWh)), context,
                    "Energy.Active.Import.Register", "Outlet", "Wh"));
        }
        if (measurands.contains("Power.Active.Import")) {
            values.add(value(Long.toString(Math.round(power)), context, "Power.Active.Import", "Outlet", "W"));
        }
        if (measurands.contains("Power.Offered")) {
            values.add(value(Long.toString(Math.round(model.ratedW())), context, "Power.Offered", "Outlet", "W"));
        }
        if (measurands.contains("Current.Import")) {
            values.add(value(fmt(model.current(power, soc)), context, "Current.Import", "Outlet", "A"));
        }
        if (measurands.contains("Current.Offered")) {
            values.add(value(fmt(model.current(model.ratedW(), soc)), context, "Current.Offered", "Outlet", "A"));
        }
        if (measurands.contains("Voltage")) {
            values.add(value(fmt(model.voltage(soc)), context, "Voltage", "Outlet", "V"));
        }
        if (measurands.contains("SoC") && s != null && model.kind() == ChargerKind.DC) {
            values.add(value(Long.toString(Math.round(Math.floor(soc))), context, "SoC", "EV", "Percent"));
        }
        if (measurands.contains("Temperature")) {
            values.add(value(fmt(c.temperature), context, "Temperature", "Body", "Celsius"));
        }
        return mv;
    }

    private static ObjectNode value(String value, String context, String measurand, String location, String unit) {
        return Json.object().put("value", value).put("context", context).put("format", "Raw")
                .put("measurand", measurand).put("location", location).put("unit", unit);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
