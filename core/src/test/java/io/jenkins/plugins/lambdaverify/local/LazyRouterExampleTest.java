package io.jenkins.plugins.lambdaverify.local;

import static io.jenkins.plugins.lambdaverify.local.ApiGatewayV1Events.get;
import static io.jenkins.plugins.lambdaverify.local.ApiGatewayV1Events.parse;
import static io.jenkins.plugins.lambdaverify.local.ApiGatewayV1Events.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.invoke.RawInvocation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import tools.jackson.databind.JsonNode;

/** The incident's example app, built good and broken, run through the Python bootstrap. */
@Timeout(120)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = LocalTestSupport.LINUX_SANDBOX)
class LazyRouterExampleTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> LAZY_ROUTES = List.of("/api/v1/providers", "/api/v1/licenses",
            "/api/v1/documents", "/api/v1/cme-activities", "/api/v1/compliance", "/api/v1/notifications",
            "/api/v1/messaging", "/api/v1/reports", "/api/v1/audit", "/api/v1/dashboard");

    private final LocalLogBuffer logs = new LocalLogBuffer();
    private LocalFunctionTransport transport;

    @AfterEach
    void close() {
        if (transport != null) {
            transport.close();
        }
    }

    private LocalFunctionTransport open(String variant) {
        transport = LocalTestSupport.RUNTIME.open(LocalTestSupport.builtTemplate(variant), "ApiFunction",
                "eu-west-1", logs, 2);
        return transport;
    }

    @Test
    void goodBuildLoadsEveryLazyRouterAndAnswersAsTheIncidentExpects() throws Exception {
        open("good");
        assertThat(status(transport.invoke(get("/health"), TIMEOUT).payload())).isEqualTo(200);
        assertThat(status(transport.invoke(get("/"), TIMEOUT).payload())).isEqualTo(200);
        assertThat(status(transport.invoke(get("/api/v1/notification-webhooks/health"), TIMEOUT).payload()))
                .isEqualTo(200);
        for (String route : LAZY_ROUTES) {
            RawInvocation raw = transport.invoke(get(route), TIMEOUT);
            assertThat(raw.functionError()).isNull();
            assertThat(status(raw.payload())).as(route).isEqualTo(401);
        }
        byte[] browser = ApiGatewayV1Events.event("GET", "/api/v1/reports", Map.of("Accept", "text/html"));
        JsonNode redirect = parse(transport.invoke(browser, TIMEOUT).payload());
        assertThat(redirect.path("statusCode").asInt()).isEqualTo(307);
        assertThat(redirect.path("headers").path("Location").asString()).isEqualTo("/login?next=%2Fapi%2Fv1%2Freports");

        byte[] authorized = ApiGatewayV1Events.event("GET", "/api/v1/providers/p-1",
                Map.of("Authorization", "Bearer " + token("alice")));
        JsonNode ok = parse(transport.invoke(authorized, TIMEOUT).payload());
        assertThat(ok.path("statusCode").asInt()).isEqualTo(200);
        assertThat(ok.path("body").asString()).contains("\"id\": \"p-1\"");

        assertThat(status(transport.invoke(get("/nope"), TIMEOUT).payload())).isEqualTo(404);
        assertThat(status(transport.invoke(get("/api/v1/nope"), TIMEOUT).payload())).isEqualTo(404);
        assertThat(logs.events()).noneMatch(e -> e.message().contains("ModuleNotFoundError"));
    }

    @Test
    void brokenBuildAnswers500OnLazyRoutesWithTheModuleNotFoundErrorLogged() throws Exception {
        open("broken");
        assertThat(status(transport.invoke(get("/health"), TIMEOUT).payload())).isEqualTo(200);
        assertThat(status(transport.invoke(get("/api/v1/notification-webhooks/health"), TIMEOUT).payload()))
                .isEqualTo(200);
        for (String route : LAZY_ROUTES) {
            LocalInvocation call = transport.invokeLocal(get(route), TIMEOUT);
            assertThat(status(call.payload())).as(route).isEqualTo(500);
            assertThat(call.functionError()).isNull();
            String error = call.logLines().stream().filter(l -> l.startsWith("[ERROR]")).findFirst().orElseThrow();
            assertThat(error).startsWith("[ERROR]\t").contains("\t" + call.requestId() + "\t")
                    .contains("Unhandled error on GET " + route)
                    .contains("Traceback (most recent call last):")
                    .contains("ModuleNotFoundError: No module named 'src'");
            assertThat(logs.eventsFor(call.requestId())).extracting(LocalLogEvent::message).contains(error);
        }
        assertThat(status(transport.invoke(get("/api/v1/nope"), TIMEOUT).payload())).isEqualTo(404);
    }

    @Test
    void warmProcessIsReusedAndOnlyTheColdStartReportsInitDuration() throws Exception {
        open("good");
        Instant before = Instant.now();
        LocalInvocation first = transport.invokeLocal(get("/health"), TIMEOUT);
        LocalInvocation second = transport.invokeLocal(get("/api/v1/providers"), TIMEOUT);
        LocalInvocation third = transport.invokeLocal(get("/api/v1/providers"), TIMEOUT);

        assertThat(transport.processesStarted()).isEqualTo(1);
        assertThat(first.initDurationMs()).isNotNull().isPositive();
        assertThat(second.initDurationMs()).isNull();
        assertThat(third.initDurationMs()).isNull();
        assertThat(first.logLines().get(0)).isEqualTo("START RequestId: " + first.requestId() + " Version: $LATEST");
        assertThat(first.logLines()).contains("END RequestId: " + first.requestId());
        assertThat(first.logLines().get(first.logLines().size() - 1))
                .startsWith("REPORT RequestId: " + first.requestId() + "\tDuration: ")
                .contains("\tMemory Size: 512 MB").contains("\tInit Duration: ");
        assertThat(second.logLines().get(second.logLines().size() - 1)).doesNotContain("Init Duration");
        assertThat(second.toRaw().logTail()).contains("[INFO]\t").contains("GET /api/v1/providers -> 401");
        assertThat(second.toRaw().executedVersion()).isEqualTo("$LATEST");
        assertThat(second.requestId()).isNotEqualTo(first.requestId());

        List<LocalLogEvent> all = logs.events(before, null);
        assertThat(all).extracting(LocalLogEvent::requestId).contains(first.requestId(), second.requestId());
        assertThat(all).allSatisfy(e -> {
            assertThat(e.function()).isEqualTo("ApiFunction");
            assertThat(e.stream()).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}");
        });
    }

    /** A token as src/core/auth.py issues it, signed with the template's default key. */
    private static String token(String subject) throws Exception {
        String payload = subject + "." + (Instant.now().getEpochSecond() + 3600);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("local-development-signing-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return payload + "." + HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
