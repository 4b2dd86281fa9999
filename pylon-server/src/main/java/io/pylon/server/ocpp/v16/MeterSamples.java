package io.pylon.server.ocpp.v16;

import io.pylon.domain.session.MeterSample;
import io.pylon.ocpp.v16.MeterValue;
import io.pylon.ocpp.v16.SampledValue;
import java.util.ArrayList;
import java.util.List;

/** OCPP 1.6 MeterValue lists as domain samples, with the spec's defaults applied. */
final class MeterSamples {
    private MeterSamples() {}

    static List<MeterSample> of(List<MeterValue> values) {
        List<MeterSample> samples = new ArrayList<>();
        if (values == null) return samples;
        for (MeterValue value : values) {
            for (SampledValue raw : value.sampledValue()) {
                SampledValue v = raw.withDefaults();
                samples.add(new MeterSample(value.timestamp(), v.measurand(), v.phase(), v.unit(), v.context(),
                        v.location(), v.format(), v.value()));
            }
        }
        return samples;
    }
}
