package io.jenkins.plugins.lambdaverify.local;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Minimal API Gateway REST (payload v1) proxy events and responses for the tests. */
final class ApiGatewayV1Events {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiGatewayV1Events() {
    }

    static byte[] event(String method, String path, Map<String, String> headers) {
        ObjectNode event = JSON.createObjectNode();
        event.put("resource", "/{proxy+}");
        event.put("path", path);
        event.put("httpMethod", method);
        ObjectNode single = event.putObject("headers");
        ObjectNode multi = event.putObject("multiValueHeaders");
        headers.forEach((k, v) -> {
            single.put(k, v);
            multi.putArray(k).add(v);
        });
        event.putNull("queryStringParameters");
        event.putNull("multiValueQueryStringParameters");
        event.putObject("pathParameters").put("proxy", path.substring(1));
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "test-request");
        context.put("stage", "Prod");
        context.put("httpMethod", method);
        context.put("path", "/Prod" + path);
        event.putNull("body");
        event.put("isBase64Encoded", false);
        return JSON.writeValueAsBytes(event);
    }

    static byte[] get(String path) {
        return event("GET", path, Map.of("Accept", "application/json"));
    }

    static JsonNode parse(byte[] payload) {
        return JSON.readTree(new String(payload, StandardCharsets.UTF_8));
    }

    static int status(byte[] payload) {
        return parse(payload).path("statusCode").asInt(-1);
    }
}
