package io.jenkins.plugins.lambdaverify.invoke;

import io.jenkins.plugins.lambdaverify.invoke.event.EventContext;
import io.jenkins.plugins.lambdaverify.invoke.event.EventFactory;
import io.jenkins.plugins.lambdaverify.spec.EventFormat;
import io.jenkins.plugins.lambdaverify.spec.RequestSpec;
import java.time.Duration;

/**
 * Invokes a function directly with an emulated trigger event: builds the event, hands the bytes to a
 * {@link FunctionTransport} (the AWS Invoke API, or a local runtime running the built artifact), and reads the
 * answer as that trigger would. Both the AWS and the local mode use this class, so they judge responses alike.
 */
public final class LambdaEventInvoker implements Invoker {

    private final EventFactory events;
    private final FunctionTransport transport;
    private final ProxyResponseParser parser;

    public LambdaEventInvoker(EventFactory events, FunctionTransport transport, ProxyResponseParser parser) {
        if (events.format() != parser.format()) {
            throw new IllegalArgumentException("event format " + events.format().id()
                    + " does not match response format " + parser.format().id());
        }
        this.events = events;
        this.transport = transport;
        this.parser = parser;
    }

    /** The usual wiring: the factory and parser of {@code format}. */
    public static LambdaEventInvoker of(EventFormat format, EventContext context, FunctionTransport transport) {
        return new LambdaEventInvoker(EventFactory.forFormat(format, context), transport,
                new ProxyResponseParser(format));
    }

    /**
     * @throws IllegalArgumentException when the request cannot be made into an event (a body marked base64 that
     *                                  is not); the message names the value
     */
    @Override
    public InvocationResponse invoke(RequestSpec request, Duration timeout)
            throws InvocationException, InterruptedException {
        byte[] event = events.toBytes(request);
        RawInvocation raw = transport.invoke(event, timeout);
        InvocationResponse parsed = parser.parse(raw.payload(), raw.functionError());
        LogTail tail = LogTail.parse(raw.logTail());
        String requestId = tail.requestId() != null ? tail.requestId() : raw.requestId();
        return new InvocationResponse(parsed.statusCode(), parsed.headers(), parsed.body(), parsed.bodyBase64(),
                parsed.functionError(), raw.logTail(), requestId, raw.executedVersion(), tail.initDurationMs());
    }

    @Override
    public String describe() {
        return transport.describe() + " [" + events.format().id() + " event]";
    }

    @Override
    public void close() {
        transport.close();
    }
}
