package io.jenkins.plugins.lambdaverify.invoke.event;

import static io.jenkins.plugins.lambdaverify.invoke.event.EventParts.NODES;

import io.jenkins.plugins.lambdaverify.spec.RequestSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Payload format 2.0, shared by HTTP APIs and function URLs: header names lower-cased, repeated headers and
 * query values joined with commas, the Cookie header moved to {@code cookies} (one entry per cookie),
 * {@code rawPath}/{@code rawQueryString} as on the wire (percent-encoded), {@code requestContext.http.path}
 * decoded, route and stage {@code $default}. Fields with nothing to say are left out, as API Gateway does.
 */
abstract sealed class PayloadV2EventFactory implements EventFactory
        permits HttpApiV2EventFactory, FunctionUrlEventFactory {

    protected final EventContext context;

    PayloadV2EventFactory(EventContext context) {
        this.context = context;
    }

    abstract String domainName();

    abstract String domainPrefix();

    abstract String apiId();

    abstract String accountId();

    @Override
    public ObjectNode create(RequestSpec request) {
        String requestId = context.requestIds().get();
        Map<String, List<String>> headers = EventParts.headers(request, domainName(), context, true);
        List<String> cookies = new ArrayList<>();
        List<String> cookieHeaders = headers.remove("cookie");
        if (cookieHeaders != null) {
            for (String header : cookieHeaders) {
                for (String cookie : header.split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.strip());
                    }
                }
            }
        }
        String body = EventParts.body(request);

        ObjectNode event = NODES.objectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", UrlEncoding.encodePath(request.path()));
        event.put("rawQueryString", UrlEncoding.queryString(request.query()));
        if (!cookies.isEmpty()) {
            ArrayNode array = event.putArray("cookies");
            cookies.forEach(array::add);
        }
        event.set("headers", EventParts.commaJoined(headers));
        if (!request.query().isEmpty()) {
            event.set("queryStringParameters", EventParts.commaJoined(request.query()));
        }
        ObjectNode rc = event.putObject("requestContext");
        rc.put("accountId", accountId());
        rc.put("apiId", apiId());
        rc.put("domainName", domainName());
        rc.put("domainPrefix", domainPrefix());
        ObjectNode http = rc.putObject("http");
        http.put("method", request.method());
        http.put("path", UrlEncoding.decodePath(request.path()));
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", context.sourceIp());
        http.put("userAgent", EventParts.userAgent(headers, context));
        rc.put("requestId", requestId);
        rc.put("routeKey", "$default");
        rc.put("stage", "$default");
        rc.put("time", EventParts.requestTime(context.clock()));
        rc.put("timeEpoch", context.clock().millis());
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", body != null && request.base64Body());
        return event;
    }
}
