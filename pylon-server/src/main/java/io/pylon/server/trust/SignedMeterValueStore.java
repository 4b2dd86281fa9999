package io.pylon.server.trust;

import io.pylon.domain.session.MeterReading;
import io.pylon.domain.session.MeterValueStore;
import io.pylon.server.persistence.BatchingMeterValueStore;
import java.util.List;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The meter value store every caller gets: readings go to the batching time-series store as before, and signed
 * ones (OCPP {@code format: SignedData}, from MeterValues and StopTransaction transactionData alike) are also kept
 * verbatim for verification. Both are durable before the charger is answered.
 */
@Primary
@Component
public class SignedMeterValueStore implements MeterValueStore {

    private final BatchingMeterValueStore series;
    private final JooqSignedMeterData signed;

    public SignedMeterValueStore(BatchingMeterValueStore series, JooqSignedMeterData signed) {
        this.series = series;
        this.signed = signed;
    }

    @Override
    public void append(List<MeterReading> readings) {
        series.append(readings);
        storeSigned(readings);
    }

    /** A stop's transaction data: the series skips COPY for it (it repeats stored readings); signed data as always. */
    @Override
    public void appendRepeated(List<MeterReading> readings) {
        series.appendRepeated(readings);
        storeSigned(readings);
    }

    private void storeSigned(List<MeterReading> readings) {
        if (readings.stream().anyMatch(r -> "SignedData".equals(r.sample().format()))) {
            signed.store(readings);
        }
    }

    @Override
    public List<MeterReading> forSession(long sessionId, int limit) {
        return series.forSession(sessionId, limit);
    }
}
