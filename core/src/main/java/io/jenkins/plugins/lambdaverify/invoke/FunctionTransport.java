package io.jenkins.plugins.lambdaverify.invoke;

import java.time.Duration;

/**
 * Delivers a raw event payload to a function and returns its raw answer: the AWS Invoke API, or a local
 * runtime running the built artifact. Event building and proxy-response parsing stay outside, shared by both.
 */
public interface FunctionTransport extends AutoCloseable {

    RawInvocation invoke(byte[] payload, Duration timeout) throws InvocationException, InterruptedException;

    String describe();

    @Override
    default void close() {
    }
}
