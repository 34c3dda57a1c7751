package io.jenkins.plugins.lambdaverify.logs;

import java.time.Duration;

/** Waits between reads; tests substitute one that advances a fake clock. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
