package io.jenkins.plugins.lambdaverify.invoke.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import io.jenkins.plugins.lambdaverify.spec.EventFormat;
import io.jenkins.plugins.lambdaverify.spec.RequestSpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every event deserializes into its aws-lambda-java-events class through the serializer the Java runtime uses,
 * with every field we set, and the typed object serializes back to the same JSON (no field lost or renamed).
 */
class EventFactoryTest {

    private static final Instant NOW = Instant.parse("2026-03-12T19:03:58.390Z");
    private static final byte[] BINARY = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};

    private final AtomicInteger ids = new AtomicInteger();
    private final EventContext context = EventContext.forRegion("eu-west-1")
            .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
            .withRequestIds(() -> "req-" + ids.incrementAndGet());

    /** A request with everything that can go wrong: repeats, cookies, encoding, a mixed-case header. */
    private static RequestSpec richRequest() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json"));
        headers.put("X-Multi", List.of("a", "b"));
        headers.put("Cookie", List.of("session=abc; theme=dark", "lang=en"));
        headers.put("User-Agent", List.of("verify-test/1.0"));
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("tag", List.of("x", "y z"));
        query.put("q", List.of("a&b=c/ü"));
        return new RequestSpec("POST", "/api/v1/items", headers, query, "{\"name\":\"n\"}", false);
    }

    private static RequestSpec binaryRequest() {
        return new RequestSpec("PUT", "/upload", Map.of("Content-Type", List.of("image/png")), Map.of(),
                Base64.getEncoder().encodeToString(BINARY), true);
    }

    // --- API Gateway REST (1.0) -------------------------------------------------------------------------------

    @Test
    void restApiEventCarriesEveryField() {
        ObjectNode json = EventFactory.forFormat(EventFormat.APIGATEWAY_V1, context).create(richRequest());
        APIGatewayProxyRequestEvent e = roundTrip(json, APIGatewayProxyRequestEvent.class);

        assertThat(e.getResource()).isEqualTo("/{proxy+}");
        assertThat(e.getPath()).isEqualTo("/api/v1/items");
        assertThat(e.getHttpMethod()).isEqualTo("POST");
        assertThat(e.getHeaders()).containsEntry("Accept", "application/json").containsEntry("X-Multi", "b")
                .containsEntry("Host", "lvapi00001.execute-api.eu-west-1.amazonaws.com")
                .containsEntry("X-Forwarded-Proto", "https").containsEntry("User-Agent", "verify-test/1.0");
        assertThat(e.getMultiValueHeaders()).containsEntry("X-Multi", List.of("a", "b"))
                .containsEntry("Cookie", List.of("session=abc; theme=dark", "lang=en"));
        assertThat(e.getQueryStringParameters()).containsEntry("tag", "y z").containsEntry("q", "a&b=c/ü");
        assertThat(e.getMultiValueQueryStringParameters()).containsEntry("tag", List.of("x", "y z"));
        assertThat(e.getPathParameters()).containsExactlyEntriesOf(Map.of("proxy", "api/v1/items"));
        assertThat(e.getStageVariables()).isNull();
        assertThat(e.getBody()).isEqualTo("{\"name\":\"n\"}");
        assertThat(e.getIsBase64Encoded()).isFalse();

        APIGatewayProxyRequestEvent.ProxyRequestContext rc = e.getRequestContext();
        assertThat(rc.getAccountId()).isEqualTo("123456789012");
        assertThat(rc.getApiId()).isEqualTo("lvapi00001");
        assertThat(rc.getStage()).isEqualTo("verify");
        assertThat(rc.getRequestId()).isEqualTo("req-1");
        assertThat(rc.getRequestTime()).isEqualTo("12/Mar/2026:19:03:58 +0000");
        assertThat(rc.getRequestTimeEpoch()).isEqualTo(NOW.toEpochMilli());
        assertThat(rc.getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(rc.getDomainName()).isEqualTo("lvapi00001.execute-api.eu-west-1.amazonaws.com");
        assertThat(rc.getDomainPrefix()).isEqualTo("lvapi00001");
        assertThat(rc.getPath()).isEqualTo("/verify/api/v1/items");
        assertThat(rc.getResourcePath()).isEqualTo("/{proxy+}");
        assertThat(rc.getHttpMethod()).isEqualTo("POST");
        assertThat(rc.getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(rc.getIdentity().getUserAgent()).isEqualTo("verify-test/1.0");
    }

    @Test
    void restApiRootPathHasNoProxyParameterAndStageVariablesComeThrough() {
        EventContext staged = context.withStage("prod", Map.of("env", "production"));
        ObjectNode json = new ApiGatewayV1EventFactory(staged).create(RequestSpec.get("/"));
        APIGatewayProxyRequestEvent e = roundTrip(json, APIGatewayProxyRequestEvent.class);

        assertThat(e.getResource()).isEqualTo("/");
        assertThat(e.getPathParameters()).isNull();
        assertThat(e.getQueryStringParameters()).isNull();
        assertThat(e.getMultiValueQueryStringParameters()).isNull();
        assertThat(e.getBody()).isNull();
        assertThat(e.getStageVariables()).containsExactlyEntriesOf(Map.of("env", "production"));
        assertThat(e.getRequestContext().getPath()).isEqualTo("/prod/");
    }

    @Test
    void restApiBinaryBodyStaysBase64AndDecodesToTheSameBytes() {
        APIGatewayProxyRequestEvent e = roundTrip(
                new ApiGatewayV1EventFactory(context).create(binaryRequest()), APIGatewayProxyRequestEvent.class);
        assertThat(e.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(e.getBody())).containsExactly(BINARY);
    }

    // --- HTTP API (2.0) ---------------------------------------------------------------------------------------

    @Test
    void httpApiEventCarriesEveryField() {
        ObjectNode json = EventFactory.forFormat(EventFormat.APIGATEWAY_V2, context).create(richRequest());
        APIGatewayV2HTTPEvent e = roundTrip(json, APIGatewayV2HTTPEvent.class);

        assertThat(e.getVersion()).isEqualTo("2.0");
        assertThat(e.getRouteKey()).isEqualTo("$default");
        assertThat(e.getRawPath()).isEqualTo("/api/v1/items");
        assertThat(e.getRawQueryString()).isEqualTo("tag=x&tag=y%20z&q=a%26b%3Dc%2F%C3%BC");
        assertThat(e.getCookies()).containsExactly("session=abc", "theme=dark", "lang=en");
        assertThat(e.getHeaders()).containsEntry("accept", "application/json").containsEntry("x-multi", "a,b")
                .containsEntry("host", "lvapi00001.execute-api.eu-west-1.amazonaws.com")
                .containsEntry("user-agent", "verify-test/1.0")
                .doesNotContainKeys("cookie", "Cookie", "Accept");
        assertThat(e.getQueryStringParameters()).containsEntry("tag", "x,y z").containsEntry("q", "a&b=c/ü");
        assertThat(e.getBody()).isEqualTo("{\"name\":\"n\"}");
        assertThat(e.getIsBase64Encoded()).isFalse();

        APIGatewayV2HTTPEvent.RequestContext rc = e.getRequestContext();
        assertThat(rc.getAccountId()).isEqualTo("123456789012");
        assertThat(rc.getApiId()).isEqualTo("lvapi00001");
        assertThat(rc.getDomainName()).isEqualTo("lvapi00001.execute-api.eu-west-1.amazonaws.com");
        assertThat(rc.getDomainPrefix()).isEqualTo("lvapi00001");
        assertThat(rc.getRequestId()).isEqualTo("req-1");
        assertThat(rc.getRouteKey()).isEqualTo("$default");
        assertThat(rc.getStage()).isEqualTo("$default");
        assertThat(rc.getTime()).isEqualTo("12/Mar/2026:19:03:58 +0000");
        assertThat(rc.getTimeEpoch()).isEqualTo(NOW.toEpochMilli());
        assertThat(rc.getHttp().getMethod()).isEqualTo("POST");
        assertThat(rc.getHttp().getPath()).isEqualTo("/api/v1/items");
        assertThat(rc.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(rc.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(rc.getHttp().getUserAgent()).isEqualTo("verify-test/1.0");
    }

    @Test
    void httpApiEncodesRawPathAndDecodesHttpPath() {
        ObjectNode json = new HttpApiV2EventFactory(context).create(RequestSpec.get("/files/my file%2Fx"));
        APIGatewayV2HTTPEvent e = roundTrip(json, APIGatewayV2HTTPEvent.class);
        assertThat(e.getRawPath()).isEqualTo("/files/my%20file%2Fx");
        assertThat(e.getRequestContext().getHttp().getPath()).isEqualTo("/files/my file/x");
        assertThat(e.getRawQueryString()).isEmpty();
        assertThat(e.getQueryStringParameters()).isNull();
        assertThat(e.getCookies()).isNull();
        assertThat(json.has("body")).isFalse();
    }

    @Test
    void httpApiBinaryBody() {
        APIGatewayV2HTTPEvent e = roundTrip(new HttpApiV2EventFactory(context).create(binaryRequest()),
                APIGatewayV2HTTPEvent.class);
        assertThat(e.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(e.getBody())).containsExactly(BINARY);
        assertThat(e.getHeaders()).containsEntry("content-type", "image/png");
    }

    // --- Function URL ------------------------------------------------------------------------------------------

    @Test
    void functionUrlEventUsesTheUrlDomain() {
        ObjectNode json = EventFactory.forFormat(EventFormat.FUNCTION_URL, context).create(richRequest());
        APIGatewayV2HTTPEvent e = roundTrip(json, APIGatewayV2HTTPEvent.class);

        String domain = EventContext.DEFAULT_FUNCTION_URL_ID + ".lambda-url.eu-west-1.on.aws";
        assertThat(e.getVersion()).isEqualTo("2.0");
        assertThat(e.getRouteKey()).isEqualTo("$default");
        assertThat(e.getRequestContext().getDomainName()).isEqualTo(domain);
        assertThat(e.getRequestContext().getDomainPrefix()).isEqualTo(EventContext.DEFAULT_FUNCTION_URL_ID);
        assertThat(e.getRequestContext().getApiId()).isEqualTo(EventContext.DEFAULT_FUNCTION_URL_ID);
        assertThat(e.getRequestContext().getAccountId()).isEqualTo("anonymous");
        assertThat(e.getRequestContext().getStage()).isEqualTo("$default");
        assertThat(e.getRequestContext().getRouteKey()).isEqualTo("$default");
        assertThat(e.getHeaders()).containsEntry("host", domain).containsEntry("x-multi", "a,b");
        assertThat(e.getCookies()).containsExactly("session=abc", "theme=dark", "lang=en");
        assertThat(e.getRawQueryString()).isEqualTo("tag=x&tag=y%20z&q=a%26b%3Dc%2F%C3%BC");
        assertThat(e.getQueryStringParameters()).containsEntry("tag", "x,y z");
        assertThat(e.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(e.getRequestContext().getRequestId()).isEqualTo("req-1");
    }

    // --- ALB ---------------------------------------------------------------------------------------------------

    @Test
    void albEventSingleValue() {
        ObjectNode json = EventFactory.forFormat(EventFormat.ALB, context).create(richRequest());
        ApplicationLoadBalancerRequestEvent e = roundTrip(json, ApplicationLoadBalancerRequestEvent.class);

        assertThat(e.getRequestContext().getElb().getTargetGroupArn())
                .isEqualTo("arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/lambda-verify/0123456789abcdef");
        assertThat(e.getHttpMethod()).isEqualTo("POST");
        assertThat(e.getPath()).isEqualTo("/api/v1/items");
        assertThat(e.getHeaders()).containsEntry("accept", "application/json").containsEntry("x-multi", "b")
                .containsEntry("cookie", "lang=en").containsEntry("x-forwarded-for", "127.0.0.1");
        // the load balancer passes query strings on as sent: still percent-encoded
        assertThat(e.getQueryStringParameters()).containsEntry("tag", "y%20z").containsEntry("q", "a%26b%3Dc%2F%C3%BC");
        assertThat(e.getMultiValueHeaders()).isNull();
        assertThat(e.getMultiValueQueryStringParameters()).isNull();
        assertThat(e.getBody()).isEqualTo("{\"name\":\"n\"}");
        assertThat(e.getIsBase64Encoded()).isFalse();
    }

    @Test
    void albEventMultiValueAndBinary() {
        EventContext multi = context.withAlbMultiValue(true);
        ApplicationLoadBalancerRequestEvent e = roundTrip(new AlbEventFactory(multi).create(richRequest()),
                ApplicationLoadBalancerRequestEvent.class);
        assertThat(e.getMultiValueHeaders()).containsEntry("x-multi", List.of("a", "b"))
                .containsEntry("cookie", List.of("session=abc; theme=dark", "lang=en"));
        assertThat(e.getMultiValueQueryStringParameters()).containsEntry("tag", List.of("x", "y%20z"));
        assertThat(e.getHeaders()).isNull();
        assertThat(e.getQueryStringParameters()).isNull();

        ApplicationLoadBalancerRequestEvent bin = roundTrip(new AlbEventFactory(multi).create(binaryRequest()),
                ApplicationLoadBalancerRequestEvent.class);
        assertThat(bin.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(bin.getBody())).containsExactly(BINARY);
        assertThat(new AlbEventFactory(context).create(RequestSpec.get("/")).get("body").stringValue()).isEmpty();
    }

    // --- common ------------------------------------------------------------------------------------------------

    @Test
    void everyEventGetsAFreshRequestId() {
        EventFactory f = EventFactory.forFormat(EventFormat.APIGATEWAY_V2, EventContext.defaults());
        String a = f.create(RequestSpec.get("/")).at("/requestContext/requestId").stringValue();
        String b = f.create(RequestSpec.get("/")).at("/requestContext/requestId").stringValue();
        assertThat(a).isNotBlank().isNotEqualTo(b);
    }

    @Test
    void aBodyMarkedBase64ThatIsNotBase64IsAClearError() {
        RequestSpec bad = new RequestSpec("POST", "/", Map.of(), Map.of(), "not base64 at all!", true);
        for (EventFormat f : EventFormat.values()) {
            assertThatThrownBy(() -> EventFactory.forFormat(f, context).create(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not valid base64").hasMessageContaining("not base64 at all!");
        }
    }

    @Test
    void toBytesIsTheJsonOfTheEvent() {
        EventFactory f = new HttpApiV2EventFactory(context);
        JsonNode parsed = JsonMapper.shared().readTree(f.toBytes(RequestSpec.get("/health")));
        assertThat(parsed.get("rawPath").stringValue()).isEqualTo("/health");
        assertThat(parsed.get("version").stringValue()).isEqualTo("2.0");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** The Java runtime's choice of serializer (see aws-lambda-java-runtime-interface-client's EventHandlerLoader). */
    private static <T> PojoSerializer<T> runtimeSerializer(Class<T> type) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return LambdaEventSerializers.serializerFor(type, type.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /** Deserializes like the runtime, then checks that serializing back gives our JSON: nothing dropped. */
    private static <T> T roundTrip(ObjectNode event, Class<T> type) {
        PojoSerializer<T> serializer = runtimeSerializer(type);
        T typed = serializer.fromJson(JsonMapper.shared().writeValueAsString(event));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(typed, out);
        JsonNode back = JsonMapper.shared().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(withoutNulls(back)).as("%s survives a round trip through %s", event, type.getSimpleName())
                .isEqualTo(withoutNulls(event));
        return typed;
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonMapper.shared().createObjectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getValue().isNull()) {
                    copy.set(e.getKey(), withoutNulls(e.getValue()));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.values().forEach(v -> items.add(withoutNulls(v)));
            return JsonMapper.shared().createArrayNode().addAll(items);
        }
        return node;
    }
}
