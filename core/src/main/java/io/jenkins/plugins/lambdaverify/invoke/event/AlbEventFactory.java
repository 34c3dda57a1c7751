package io.jenkins.plugins.lambdaverify.invoke.event;

import static io.jenkins.plugins.lambdaverify.invoke.event.EventParts.NODES;

import io.jenkins.plugins.lambdaverify.spec.EventFormat;
import io.jenkins.plugins.lambdaverify.spec.RequestSpec;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Application Load Balancer target group request. Header names are lower-cased; query keys and values are sent
 * percent-encoded, because the load balancer does not decode them. Without multi-value headers on the target
 * group (the default) a repeated header or query name keeps its last value; with {@link EventContext#albMultiValue()}
 * the event carries {@code multiValueHeaders}/{@code multiValueQueryStringParameters} instead. The body is
 * {@code ""} when the request has none.
 */
public final class AlbEventFactory implements EventFactory {

    private final EventContext context;

    public AlbEventFactory(EventContext context) {
        this.context = context;
    }

    @Override
    public EventFormat format() {
        return EventFormat.ALB;
    }

    @Override
    public ObjectNode create(RequestSpec request) {
        Map<String, List<String>> headers = EventParts.headers(request, "lambda-verify-alb." + context.region()
                + ".elb.amazonaws.com", context, true);
        Map<String, List<String>> query = EventParts.encodedQuery(request.query());
        String body = EventParts.body(request);

        ObjectNode event = NODES.objectNode();
        event.putObject("requestContext").putObject("elb").put("targetGroupArn", context.targetGroupArn());
        event.put("httpMethod", request.method());
        event.put("path", UrlEncoding.encodePath(request.path()));
        if (context.albMultiValue()) {
            event.set("multiValueQueryStringParameters", EventParts.multiValues(query));
            event.set("multiValueHeaders", EventParts.multiValues(headers));
        } else {
            event.set("queryStringParameters", EventParts.lastValues(query));
            event.set("headers", EventParts.lastValues(headers));
        }
        event.put("body", body == null ? "" : body);
        event.put("isBase64Encoded", body != null && request.base64Body());
        return event;
    }
}
