package io.jenkins.plugins.lambdaverify.invoke;

import io.jenkins.plugins.lambdaverify.spec.RequestSpec;
import java.time.Duration;

/** Sends one request to the function under test and returns its normalised response. Thread-safe. */
public interface Invoker extends AutoCloseable {

    /**
     * @param request what to send
     * @param timeout how long to wait for the answer; an invoke is never retried once it may have reached the function
     */
    InvocationResponse invoke(RequestSpec request, Duration timeout) throws InvocationException, InterruptedException;

    /** Human-readable target, e.g. {@code lambda:my-fn:live (eu-west-1)}. */
    String describe();

    @Override
    default void close() {
    }
}
