package io.jenkins.plugins.lambdaverify.cli;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The incident's app (examples/lazy-router-app) as the Lambda Invoke API runs it: reads the API Gateway event
 * the invoke carries and answers per {@code path}. Transformer parameter {@code build} is {@code good} or
 * {@code broken} (the lazy router map has the "src." prefix: every lazy route answers 500 and logs a
 * ModuleNotFoundError traceback); {@code version} is the executed version. What it logs goes to the invoke's
 * log tail and to {@link FakeLogGroup} (CloudWatch).
 */
final class LazyRouterFunction implements ResponseDefinitionTransformerV2 {
    static final String NAME = "lazy-router-function";
    /** Routers imported on first request (a subset of registry.py is enough: the checks use these). */
    static final Set<String> LAZY_ROUTERS = Set.of("providers", "licenses", "documents", "cme-activities", "compliance",
            "notifications", "messaging", "reports", "audit", "dashboard", "users");
    private static final JsonMapper JSON = JsonMapper.shared();

    private final FakeLogGroup logs;

    LazyRouterFunction(FakeLogGroup logs) {
        this.logs = logs;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Parameters p = serveEvent.getTransformerParameters();
        boolean broken = "broken".equals(p.getString("build", "good"));
        String version = p.getString("version", "$LATEST");
        JsonNode event = JSON.readTree(serveEvent.getRequest().getBody());
        String requestId = UUID.randomUUID().toString();
        List<String> log = new ArrayList<>();
        log.add("START RequestId: " + requestId + " Version: " + version);
        Answer answer = handle(event, broken, requestId, log);
        log.add("[INFO]\t" + Instant.now() + "\t" + requestId + "\t" + event.path("httpMethod").asString("GET") + " "
                + event.path("path").asString("/") + " -> " + answer.status);
        log.add("END RequestId: " + requestId);
        log.add("REPORT RequestId: " + requestId + "\tDuration: 3.10 ms\tBilled Duration: 4 ms\tMemory Size: 512 MB\t"
                + "Max Memory Used: 61 MB");
        logs.append("2026/11/28/[" + version + "]0123456789abcdef", log);

        Map<String, Object> proxy = new LinkedHashMap<>();
        proxy.put("statusCode", answer.status);
        proxy.put("headers", answer.headers);
        proxy.put("multiValueHeaders", Map.of());
        proxy.put("body", answer.body);
        proxy.put("isBase64Encoded", false);
        String tail = String.join("\n", log) + "\n";
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Amz-Executed-Version", version)
                .withHeader("X-Amz-Log-Result", Base64.getEncoder().encodeToString(tail.getBytes(StandardCharsets.UTF_8)))
                .withHeader("x-amzn-RequestId", requestId)
                .withBody(JSON.writeValueAsString(proxy))
                .build();
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private static Answer json(int status, String body) {
        return new Answer(status, Map.of("Content-Type", "application/json"), body);
    }

    /** app.py's dispatch(): route lookup imports the router before auth runs. */
    private static Answer handle(JsonNode event, boolean broken, String requestId, List<String> log) {
        String path = event.path("path").asString("/");
        if (path.equals("/")) {
            return json(200, "{\"service\": \"lazy-router-app\"}");
        }
        if (path.equals("/health")) {
            return json(200, "{\"status\": \"ok\"}");
        }
        if (!path.startsWith("/api/v1/")) {
            return json(404, "{\"detail\": \"Not Found\"}");
        }
        String rest = path.substring("/api/v1/".length());
        String name = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        if (name.equals("notification-webhooks")) {
            // loaded eagerly: fine in both builds
            return rest.equals("notification-webhooks/health") ? json(200, "{\"status\": \"ok\"}")
                    : json(404, "{\"detail\": \"Not Found\"}");
        }
        if (!LAZY_ROUTERS.contains(name)) {
            return json(404, "{\"detail\": \"Not Found\"}");
        }
        if (broken) {
            String module = "src.api.v1." + name.replace('-', '_');
            log.add("[ERROR]\t" + Instant.now() + "\t" + requestId + "\tUnhandled error on GET " + path + "\n"
                    + "Traceback (most recent call last):\n"
                    + "  File \"/var/task/app.py\", line 23, in handler\n"
                    + "    response = dispatch(request)\n"
                    + "  File \"/var/task/core/routing.py\", line 67, in get\n"
                    + "    router = importlib.import_module(module_path).router\n"
                    + "ModuleNotFoundError: No module named 'src'");
            log.add("[DEBUG]\t" + Instant.now() + "\t" + requestId + "\twanted " + module);
            return json(500, "{\"detail\": \"Internal Server Error\"}");
        }
        String authorization = header(event, "Authorization");
        if (authorization != null) {
            // no token in these checks is valid: invalid or expired tokens get 401
            return json(401, "{\"detail\": \"Invalid token\"}");
        }
        String accept = header(event, "Accept");
        if (accept != null && accept.contains("text/html")) {
            return new Answer(307, Map.of("Location", "/login?next=" + path, "Content-Type", "text/html; charset=utf-8"),
                    "");
        }
        return json(401, "{\"detail\": \"Not authenticated\"}");
    }

    private static String header(JsonNode event, String name) {
        for (var e : event.path("headers").properties()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return e.getValue().asString();
            }
        }
        return null;
    }
}
