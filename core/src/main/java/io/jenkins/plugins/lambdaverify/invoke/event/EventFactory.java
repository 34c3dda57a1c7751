package io.jenkins.plugins.lambdaverify.invoke.event;

import io.jenkins.plugins.lambdaverify.spec.EventFormat;
import io.jenkins.plugins.lambdaverify.spec.RequestSpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Wraps an HTTP-shaped {@link RequestSpec} in the event a trigger (API Gateway, ALB, function URL) would send,
 * so a direct invoke exercises the same code path as real traffic. Thread-safe; each event gets a fresh request id.
 */
public interface EventFactory {

    EventFormat format();

    /**
     * @throws IllegalArgumentException when the request cannot be expressed as an event (e.g. a body marked
     *                                  base64 that is not base64); the message names the offending value
     */
    ObjectNode create(RequestSpec request);

    /** The event as the UTF-8 JSON payload of an Invoke call. */
    default byte[] toBytes(RequestSpec request) {
        return JsonMapper.shared().writeValueAsBytes(create(request));
    }

    static EventFactory forFormat(EventFormat format, EventContext context) {
        return switch (format) {
            case APIGATEWAY_V1 -> new ApiGatewayV1EventFactory(context);
            case APIGATEWAY_V2 -> new HttpApiV2EventFactory(context);
            case ALB -> new AlbEventFactory(context);
            case FUNCTION_URL -> new FunctionUrlEventFactory(context);
        };
    }
}
