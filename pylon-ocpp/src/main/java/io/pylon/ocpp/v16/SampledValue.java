package io.pylon.ocpp.v16;

/** OCPP 1.6 SampledValue; absent optional fields take the spec's defaults in {@code with*Defaults}. */
public record SampledValue(String value, String context, String format, String measurand,
                           String phase, String location, String unit) {

    /** Applies the defaults of OCPP 1.6 §7.45 to absent fields. */
    public SampledValue withDefaults() {
        String m = measurand == null ? "Energy.Active.Import.Register" : measurand;
        return new SampledValue(value,
                context == null ? "Sample.Periodic" : context,
                format == null ? "Raw" : format,
                m,
                phase,
                location == null ? "Outlet" : location,
                unit == null ? defaultUnit(m) : unit);
    }

    private static String defaultUnit(String measurand) {
        if (measurand.startsWith("Energy.Reactive")) return "varh";
        if (measurand.startsWith("Power.Reactive")) return "var";
        if (measurand.startsWith("Power.")) return "W";
        if (measurand.startsWith("Current.")) return "A";
        if (measurand.equals("Voltage")) return "V";
        if (measurand.equals("Temperature")) return "Celsius";
        if (measurand.equals("SoC")) return "Percent";
        if (measurand.equals("Frequency") || measurand.equals("RPM") || measurand.equals("Power.Factor")) return null;
        return "Wh";
    }
}
