package io.pylon.domain.anomaly;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises meter cover / seal reports in what chargers send: OCPP security event types (TamperDetectionActivated,
 * the 2.0.1 name also used by 1.6 security-extension firmware), and vendor error codes, status info and DataTransfer
 * texts that speak of the meter's cover, seal or tampering (MeterCoverOpen, SealBroken, 表盖打开, 封印破坏 …).
 */
public final class SealSignals {

    private static final Pattern SIGNAL = Pattern.compile(
            "tamper|seal|cover[ _-]?open|meter[ _-]?cover|lid[ _-]?open|表盖|封印|开盖|防拆", Pattern.CASE_INSENSITIVE);

    private SealSignals() {}

    public static boolean matches(String text) {
        return text != null && SIGNAL.matcher(text.toLowerCase(Locale.ROOT)).find();
    }
}
