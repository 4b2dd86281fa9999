package io.pylon.simulator;

import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * A fleet of simulated YKC piles.
 *
 * @param host              platform host
 * @param port              its YKC port
 * @param count             number of piles
 * @param pilePrefix        digits the 14-digit pile codes begin with; the pile's number fills the rest
 * @param guns              guns per pile
 * @param heartbeatInterval 0x03 period (the protocol's 10 s)
 * @param realTimeInterval  0x13 period while charging (the protocol's 15 s)
 * @param idleReportInterval 0x13 period of a gun that is not charging (status idle; the protocol's 5 minutes)
 * @param chargingShare     share of guns kept charging by card starts (0 = only remote starts)
 * @param cards             card id tags (hex) the simulated drivers present
 * @param sessionDuration   mean session length
 * @param powerKw           output of each gun while charging
 * @param recordRetry       a record not confirmed is sent again after this (the protocol's 30 s), three times
 * @param reconnectDelay    how long a pile waits before reconnecting after losing the platform
 * @param zone              the piles' local time (CP56Time2a)
 * @param connectsPerSecond ramp (0 = all at once)
 * @param duration          run time, null = until closed
 * @param seed              random seed (which guns start when)
 */
public record YkcFleetConfig(String host, int port, int count, String pilePrefix, int guns, Duration heartbeatInterval,
                             Duration realTimeInterval, Duration idleReportInterval, double chargingShare, List<String> cards, Duration sessionDuration,
                             double powerKw, Duration recordRetry, Duration reconnectDelay, ZoneId zone,
                             double connectsPerSecond, Duration duration, long seed, List<InetAddress> sourceAddresses) {

    public YkcFleetConfig {
        cards = List.copyOf(cards);
        sourceAddresses = List.copyOf(sourceAddresses);
        if (!pilePrefix.matches("\\d{0,13}")) throw new IllegalArgumentException("pile prefix must be digits: " + pilePrefix);
        if (idleReportInterval == null || idleReportInterval.isNegative() || idleReportInterval.isZero()) {
            throw new IllegalArgumentException("idle report interval must be positive");
        }
        if (guns < 1 || guns > 99) throw new IllegalArgumentException("guns 1..99");
        for (String card : cards) {
            if (!card.matches("[0-9A-Fa-f]{2,16}") || card.length() % 2 != 0 || card.startsWith("00")) {
                throw new IllegalArgumentException("a YKC card is up to 16 hex digits, even, no leading 00: " + card);
            }
        }
    }

    public static YkcFleetConfig defaults(String host, int port) {
        return new YkcFleetConfig(host, port, 10, "3201", 2, Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofMinutes(5), 0.5,
                List.of(), Duration.ofMinutes(20), 60, Duration.ofSeconds(30), Duration.ofSeconds(5),
                ZoneId.of("Asia/Shanghai"), 50, null, 1L, List.of());
    }

    /** The pile code of pile {@code n} (1-based). */
    public String pileCode(int n) {
        String number = Integer.toString(n);
        return pilePrefix + "0".repeat(14 - pilePrefix.length() - number.length()) + number;
    }

    public YkcFleetConfig withCount(int n) {
        return new YkcFleetConfig(host, port, n, pilePrefix, guns, heartbeatInterval, realTimeInterval, idleReportInterval, chargingShare, cards,
                sessionDuration, powerKw, recordRetry, reconnectDelay, zone, connectsPerSecond, duration, seed, sourceAddresses);
    }

    public YkcFleetConfig withPilePrefix(String prefix) {
        return new YkcFleetConfig(host, port, count, prefix, guns, heartbeatInterval, realTimeInterval, idleReportInterval, chargingShare, cards,
                sessionDuration, powerKw, recordRetry, reconnectDelay, zone, connectsPerSecond, duration, seed, sourceAddresses);
    }

    public YkcFleetConfig withGuns(int n) {
        return new YkcFleetConfig(host, port, count, pilePrefix, n, heartbeatInterval, realTimeInterval, idleReportInterval, chargingShare, cards,
                sessionDuration, powerKw, recordRetry, reconnectDelay, zone, connectsPerSecond, duration, seed, sourceAddresses);
    }

    public YkcFleetConfig withIntervals(Duration heartbeat, Duration realTime) {
        return new YkcFleetConfig(host, port, count, pilePrefix, guns, heartbeat, realTime, idleReportInterval, chargingShare, cards,
                sessionDuration, powerKw, recordRetry, reconnectDelay, zone, connectsPerSecond, duration, seed, sourceAddresses);
    }

    /** The period of idle guns' real-time reports (status idle). */
    public YkcFleetConfig withIdleReports(Duration every) {
        return new YkcFleetConfig(host, port, count, pilePrefix, guns, heartbeatInterval, realTimeInterval, every, chargingShare, cards,
                sessionDuration, powerKw, recordRetry, reconnectDelay, zone, connectsPerSecond, duration, seed, sourceAddresses);
    }

    public YkcFleetConfig withCharging(double share, List<String> cardTags, Duration meanSession, double kw) {
        return new YkcFleetConfig(host, port, count, pilePrefix, guns, heartbeatInterval, realTimeInterval, idleReportInterval, share, cardTags,
                meanSession, kw, recordRetry, reconnectDelay, zone, connectsPerSecond, duration, seed, sourceAddresses);
    }

    public YkcFleetConfig withRetries(Duration retry, Duration reconnect) {
        return new YkcFleetConfig(host, port, count, pilePrefix, guns, heartbeatInterval, realTimeInterval, idleReportInterval, chargingShare, cards,
                sessionDuration, powerKw, retry, reconnect, zone, connectsPerSecond, duration, seed, sourceAddresses);
    }

    public YkcFleetConfig withRun(double rampPerSecond, Duration runFor, long randomSeed, List<InetAddress> sources) {
        return new YkcFleetConfig(host, port, count, pilePrefix, guns, heartbeatInterval, realTimeInterval, idleReportInterval, chargingShare, cards,
                sessionDuration, powerKw, recordRetry, reconnectDelay, zone, rampPerSecond, runFor, randomSeed, sources);
    }
}
