package io.jenkins.plugins.lambdaverify.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.jenkins.plugins.lambdaverify.aws.AwsSettings;
import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import io.jenkins.plugins.lambdaverify.report.ConsoleProgress;
import io.jenkins.plugins.lambdaverify.report.ConsoleSummary;
import io.jenkins.plugins.lambdaverify.report.ReportTargets;
import io.jenkins.plugins.lambdaverify.report.ReportWriter;
import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.rollback.LocalProcessRunner;
import io.jenkins.plugins.lambdaverify.run.RunContext;
import io.jenkins.plugins.lambdaverify.run.Verification;
import io.jenkins.plugins.lambdaverify.spec.SpecLoader;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Recognisable secrets everywhere a run touches them: request headers (Authorization, Cookie, X-Api-Key), query
 * strings (token, api_key), the run's environment (AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), explicit credentials,
 * and the function's answers (response bodies, log tails, CloudWatch lines, AWS error messages). A whole
 * verification and every reporter must show none of them.
 */
class SecretHygieneTest {
    static final String AUTHORIZATION = "sk-live-AUTHZ-7f3a9c1e55";
    static final String COOKIE = "COOKIE-SECRET-51d2e8aa";
    static final String API_KEY = "APIKEY-SECRET-c0ffee99";
    static final String QUERY_TOKEN = "QUERYTOKEN-8842a7b1";
    static final String QUERY_API_KEY = "QUERYAPIKEY-99b1f00d";
    static final String ENV_SECRET = "ENVSECRETwJalrXUtnFEMIK7MDENGbPxRfiCY";
    static final String ENV_TOKEN = "ENVSESSIONTOKEN-IQoJb3JpZ2luX2VjE";
    static final String CREDENTIAL_SECRET = "EXPLICITSECRET-abc123def456";
    static final String CREDENTIAL_TOKEN = "EXPLICITTOKEN-xyz789uvw012";
    static final List<String> SECRETS = List.of(AUTHORIZATION, COOKIE, API_KEY, QUERY_TOKEN, QUERY_API_KEY, ENV_SECRET,
            ENV_TOKEN, CREDENTIAL_SECRET, CREDENTIAL_TOKEN);

    static final String FUNCTION_PATH = "/2015-03-31/functions/[^/]*orders";

    WireMockServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** Everything the function, CloudWatch and the Lambda API say repeats the secrets it was sent. */
    private void functionThatLeaks() {
        server.stubFor(get(urlPathMatching(FUNCTION_PATH + "/configuration")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"FunctionName\":\"orders\",\"FunctionArn\":"
                        + "\"arn:aws:lambda:eu-west-1:123456789012:function:orders\",\"Runtime\":\"python3.12\","
                        + "\"Timeout\":3,\"Version\":\"$LATEST\"}")));
        String echoed = "{\\\"headers\\\": {\\\"Authorization\\\": \\\"Bearer " + AUTHORIZATION + "\\\", \\\"Cookie\\\": "
                + "\\\"session=" + COOKIE + "\\\", \\\"X-Api-Key\\\": \\\"" + API_KEY + "\\\"}, \\\"queryStringParameters\\\":"
                + " {\\\"token\\\": \\\"" + QUERY_TOKEN + "\\\", \\\"api_key\\\": \\\"" + QUERY_API_KEY + "\\\"}, \\\"debug\\\":"
                + " \\\"cookie was session=" + COOKIE + ", key " + API_KEY + ", aws " + ENV_SECRET + " " + CREDENTIAL_TOKEN
                + "\\\"}";
        String tail = "START RequestId: 8f5e-1 Version: $LATEST\n"
                + "ERROR rejected Authorization: Bearer " + AUTHORIZATION + "\n"
                + "ERROR request /api/orders?token=" + QUERY_TOKEN + "&api_key=" + QUERY_API_KEY + "\n"
                + "DEBUG headers {'Cookie': 'session=" + COOKIE + "', 'X-Api-Key': '" + API_KEY + "'}\n"
                + "DEBUG env AWS_SECRET_ACCESS_KEY=" + ENV_SECRET + " AWS_SESSION_TOKEN=" + ENV_TOKEN + "\n"
                + "END RequestId: 8f5e-1\n";
        server.stubFor(post(urlPathMatching(FUNCTION_PATH + "/invocations")).withRequestBody(containing("/api/orders"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withHeader("X-Amz-Log-Result", Base64.getEncoder().encodeToString(tail.getBytes(StandardCharsets.UTF_8)))
                        .withHeader("X-Amz-Executed-Version", "$LATEST")
                        .withBody("{\"statusCode\": 500, \"headers\": {\"Set-Cookie\": \"session=" + COOKIE + "\"}, "
                                + "\"body\": \"" + echoed + "\"}")));
        // the Lambda API itself refuses the second check, repeating what it was sent in its message
        server.stubFor(post(urlPathMatching(FUNCTION_PATH + "/invocations")).withRequestBody(containing("/api/keys"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withHeader("X-Amzn-ErrorType", "InvalidRequestContentException")
                        .withBody("{\"Type\":\"User\",\"message\":\"Could not parse request body: X-Api-Key " + API_KEY
                                + " token=" + QUERY_TOKEN + " secret " + CREDENTIAL_SECRET + " / " + ENV_TOKEN + "\"}")));
        long now = System.currentTimeMillis();
        server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(
                        "{\"events\":[" + event("e1", now, "[ERROR] ModuleNotFoundError: No module named 'src' "
                                + "(Authorization: Bearer " + AUTHORIZATION + ")")
                                + "," + event("e2", now, "[ERROR] ModuleNotFoundError: No module named 'src' cookie=session="
                                + COOKIE + " x-api-key=" + API_KEY + " url=/api/orders?api_key=" + QUERY_API_KEY)
                                + "]}")));
    }

    private static String event(String id, long at, String message) {
        return "{\"eventId\":\"" + id + "\",\"logStreamName\":\"2026/11/28/[$LATEST]abc\",\"timestamp\":" + at
                + ",\"ingestionTime\":" + at + ",\"message\":\"" + message + "\"}";
    }

    @Test
    @Timeout(60)
    void noSecretReachesAnyReportProgressLineOrMessage() throws Exception {
        functionThatLeaks();
        VerifySpec spec = SpecLoader.parse("""
                version: 1
                target:
                  mode: lambda
                  function: orders
                execution:
                  deadline: 30s
                checks:
                  - name: orders with every kind of secret
                    request:
                      method: GET
                      path: /api/orders
                      query: {token: %s, api_key: %s}
                      headers:
                        Authorization: Bearer %s
                        Cookie: session=%s
                        X-Api-Key: %s
                    expect: {status: 200}
                  - name: keys
                    request: {method: GET, path: "/api/keys?token=%s", headers: {X-Api-Key: %s}}
                    expect: {status: 200}
                logScan:
                  settle: 1s
                  quietPeriod: 500ms
                """.formatted(QUERY_TOKEN, QUERY_API_KEY, AUTHORIZATION, COOKIE, API_KEY, QUERY_TOKEN, API_KEY),
                "secrets.yaml");
        List<String> console = Collections.synchronizedList(new ArrayList<>());
        SecretMasker masker = SecretMasker.defaults();
        ConsoleProgress progress = new ConsoleProgress(masker, true);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void phaseStarted(String phase, int checks) {
                console.add(progress.phaseStarted(phase, checks));
            }

            @Override
            public void checkFinished(CheckResult result) {
                console.add(progress.checkFinished(result));
            }

            @Override
            public void phaseFinished(PhaseResult result) {
                console.add(progress.phaseFinished(result));
            }

            @Override
            public void info(String message) {
                console.add(message);
            }
        };
        Map<String, String> environment = Map.of("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENT00001",
                "AWS_SECRET_ACCESS_KEY", ENV_SECRET, "AWS_SESSION_TOKEN", ENV_TOKEN);
        AwsSettings aws = new AwsSettings("eu-west-1", null, "http://127.0.0.1:" + server.port(), null, null, null,
                StaticCredentialsProvider.create(AwsSessionCredentials.create("AKIAEXPLICIT00000001", CREDENTIAL_SECRET,
                        CREDENTIAL_TOKEN)), environment, false, null);
        // the front end hands explicit credentials' secrets over as literals (RunContext#secrets)
        RunContext ctx = new RunContext(aws, listener, new LocalProcessRunner(), dir, Clock.systemUTC(),
                List.of(CREDENTIAL_SECRET, CREDENTIAL_TOKEN));

        RunReport report = new Verification(ctx).run(spec);

        // the run really saw the secrets: the checks ran and the function's answers are in the report
        List<CheckResult> checks = report.verification().phases().getFirst().checks();
        assertThat(checks).as(checks.toString()).extracting(CheckResult::outcome).containsExactly(Outcome.FAILED, Outcome.ERROR);
        assertThat(checks.getFirst().responseExcerpt()).contains("headers").contains(SecretMasker.MASK);
        assertThat(checks.getFirst().logLines()).isNotEmpty();
        assertThat(report.verification().findings()).isNotEmpty();
        server.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathMatching(
                FUNCTION_PATH + "/invocations")).withRequestBody(containing(AUTHORIZATION)));

        SecretMasker reportMasker = SecretMasker.defaults().withEnvironmentSecrets(environment);
        ReportTargets targets = new ReportTargets(dir.resolve("junit.xml"), dir.resolve("report.json"),
                dir.resolve("summary.md"));
        assertThat(new ReportWriter(reportMasker).write(report, targets).errors()).isEmpty();
        Map<String, String> outputs = new java.util.LinkedHashMap<>();
        outputs.put("junit.xml", Files.readString(targets.junit()));
        outputs.put("report.json", Files.readString(targets.json()));
        outputs.put("summary.md", Files.readString(targets.markdown()));
        outputs.put("console summary", new ConsoleSummary(reportMasker, true, ConsoleSummary.DEFAULT_NAME_WIDTH)
                .render(report));
        outputs.put("progress lines", String.join("\n", console));
        outputs.put("report record", report.toString());
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            for (String secret : SECRETS) {
                assertThat(output.getValue()).as("%s must not show %s:%n%s", output.getKey(), secret, output.getValue())
                        .doesNotContain(secret);
            }
        }
    }
}
