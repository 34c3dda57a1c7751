package io.jenkins.plugins.lambdaverify.logs;

import io.jenkins.plugins.lambdaverify.spec.LogScanSpec;
import java.time.Duration;

/**
 * How long to keep reading for late events: CloudWatch ingestion lags by seconds.
 *
 * @param quietPeriod        stop once no new event arrived for this long
 * @param timeout            stop after this long whatever arrives
 * @param pollInterval       pause between reads
 * @param lateArrivalHorizon later reads start this long before the previous read began (events are at most this
 *                           late), instead of re-reading the whole window
 * @param duplicateMargin    events ingested within this margin of the newest one seen are remembered by id, so
 *                           a later read does not deliver them twice
 */
public record SettlePolicy(Duration quietPeriod, Duration timeout, Duration pollInterval, Duration lateArrivalHorizon,
                           Duration duplicateMargin) {

    /** Read once, do not wait. */
    public static SettlePolicy none() {
        return new SettlePolicy(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofSeconds(5));
    }

    public static SettlePolicy of(Duration quietPeriod, Duration timeout) {
        return new SettlePolicy(quietPeriod, timeout, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofSeconds(5));
    }

    public static SettlePolicy from(LogScanSpec spec) {
        return of(spec.quietPeriod() != null ? spec.quietPeriod() : Duration.ofSeconds(5),
                spec.settle() != null ? spec.settle() : Duration.ofSeconds(30));
    }

    public SettlePolicy withPollInterval(Duration interval) {
        return new SettlePolicy(quietPeriod, timeout, interval, lateArrivalHorizon, duplicateMargin);
    }

    public boolean waits() {
        return timeout.isPositive();
    }
}
