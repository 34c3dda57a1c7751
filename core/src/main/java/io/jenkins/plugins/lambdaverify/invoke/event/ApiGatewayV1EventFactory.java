package io.jenkins.plugins.lambdaverify.invoke.event;

import static io.jenkins.plugins.lambdaverify.invoke.event.EventParts.NODES;

import io.jenkins.plugins.lambdaverify.spec.EventFormat;
import io.jenkins.plugins.lambdaverify.spec.RequestSpec;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * API Gateway REST API, Lambda proxy integration (payload format 1.0), as routed by a greedy
 * {@code ANY /{proxy+}} resource (the root path {@code /} goes to resource {@code /} with no path parameters).
 * Header and query values are the decoded text a REST API passes on; for a repeated name the single-value maps
 * hold the last value and the {@code multiValue*} maps hold all of them.
 */
public final class ApiGatewayV1EventFactory implements EventFactory {

    private final EventContext context;

    public ApiGatewayV1EventFactory(EventContext context) {
        this.context = context;
    }

    @Override
    public EventFormat format() {
        return EventFormat.APIGATEWAY_V1;
    }

    @Override
    public ObjectNode create(RequestSpec request) {
        String requestId = context.requestIds().get();
        String path = UrlEncoding.decodePath(request.path());
        boolean root = "/".equals(path);
        String resource = root ? "/" : "/{proxy+}";
        Map<String, List<String>> headers = EventParts.headers(request, context.executeApiDomain(), context, false);
        String body = EventParts.body(request);

        ObjectNode event = NODES.objectNode();
        event.put("resource", resource);
        event.put("path", path);
        event.put("httpMethod", request.method());
        event.set("headers", EventParts.lastValues(headers));
        event.set("multiValueHeaders", EventParts.multiValues(headers));
        if (request.query().isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
        } else {
            event.set("queryStringParameters", EventParts.lastValues(request.query()));
            event.set("multiValueQueryStringParameters", EventParts.multiValues(request.query()));
        }
        if (root) {
            event.putNull("pathParameters");
        } else {
            event.putObject("pathParameters").put("proxy", path.substring(1));
        }
        if (context.stageVariables().isEmpty()) {
            event.putNull("stageVariables");
        } else {
            ObjectNode vars = event.putObject("stageVariables");
            context.stageVariables().forEach(vars::put);
        }
        event.set("requestContext", requestContext(request, requestId, resource, path, headers));
        event.put("body", body);
        event.put("isBase64Encoded", body != null && request.base64Body());
        return event;
    }

    private ObjectNode requestContext(RequestSpec request, String requestId, String resource, String path,
                                      Map<String, List<String>> headers) {
        ObjectNode rc = NODES.objectNode();
        rc.put("accountId", context.accountId());
        rc.put("apiId", context.apiId());
        rc.put("domainName", context.executeApiDomain());
        rc.put("domainPrefix", context.apiId());
        rc.put("extendedRequestId", requestId);
        rc.put("httpMethod", request.method());
        ObjectNode identity = rc.putObject("identity");
        for (String unset : List.of("accessKey", "accountId", "caller", "cognitoAuthenticationProvider",
                "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId")) {
            identity.putNull(unset);
        }
        identity.put("sourceIp", context.sourceIp());
        identity.putNull("user");
        identity.put("userAgent", EventParts.userAgent(headers, context));
        identity.putNull("userArn");
        rc.put("path", "/" + context.stage() + path);
        rc.put("protocol", "HTTP/1.1");
        rc.put("requestId", requestId);
        rc.put("requestTime", EventParts.requestTime(context.clock()));
        rc.put("requestTimeEpoch", context.clock().millis());
        rc.put("resourceId", "lv0000");
        rc.put("resourcePath", resource);
        rc.put("stage", context.stage());
        return rc;
    }
}
