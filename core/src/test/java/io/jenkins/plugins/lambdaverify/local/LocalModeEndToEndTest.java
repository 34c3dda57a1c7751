package io.jenkins.plugins.lambdaverify.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.invoke.InvocationResponse;
import io.jenkins.plugins.lambdaverify.invoke.LambdaEventInvoker;
import io.jenkins.plugins.lambdaverify.invoke.event.EventContext;
import io.jenkins.plugins.lambdaverify.logs.LogCorrelator;
import io.jenkins.plugins.lambdaverify.logs.LogEvent;
import io.jenkins.plugins.lambdaverify.logs.LogQuery;
import io.jenkins.plugins.lambdaverify.logs.LogScan;
import io.jenkins.plugins.lambdaverify.logs.LogScanResult;
import io.jenkins.plugins.lambdaverify.logs.LogScanner;
import io.jenkins.plugins.lambdaverify.result.LogFinding;
import io.jenkins.plugins.lambdaverify.spec.EventFormat;
import io.jenkins.plugins.lambdaverify.spec.LogScanSpec;
import io.jenkins.plugins.lambdaverify.spec.RequestSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The local mode as the engine will wire it: API Gateway events from the shared factory, the local transport,
 * the shared proxy parser, then the log scan over the captured logs.
 */
@Timeout(120)
class LocalModeEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> LAZY = List.of("/api/v1/providers", "/api/v1/licenses", "/api/v1/documents",
            "/api/v1/cme-activities", "/api/v1/compliance");

    private record Run(List<InvocationResponse> lazy, InvocationResponse health, LogScanResult scan) {
    }

    private static Run verify(String variant) throws Exception {
        LocalLogBuffer logs = new LocalLogBuffer();
        Instant started = Instant.now();
        try (LocalFunctionTransport transport = LocalTestSupport.RUNTIME.open(
                LocalTestSupport.builtTemplate(variant), "ApiFunction", "eu-west-1", logs, 2);
             LambdaEventInvoker invoker = LambdaEventInvoker.of(EventFormat.APIGATEWAY_V1,
                     EventContext.forRegion("eu-west-1"), transport)) {
            InvocationResponse health = invoker.invoke(RequestSpec.get("/health"), TIMEOUT);
            List<InvocationResponse> lazy = new ArrayList<>();
            for (String path : LAZY) {
                lazy.add(invoker.invoke(RequestSpec.get(path), TIMEOUT));
            }
            LogQuery query = LogQuery.forVerification("/aws/lambda/ApiFunction", started, Instant.now(),
                    Set.of("$LATEST"), Duration.ZERO, Duration.ZERO);
            LogScanResult scan = LogScan.run(new LocalLogSource(logs), query,
                    LogScanner.forSpec(LogScanSpec.defaults(), "python3.12"),
                    new LogCorrelator(List.of(lazy.get(0).requestId())));
            return new Run(lazy, health, scan);
        }
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = LocalTestSupport.LINUX_SANDBOX)
    void brokenBuildFailsEveryLazyRouteAndTheScanFindsModuleNotFoundError() throws Exception {
        Run run = verify("broken");
        assertThat(run.health().statusCode()).isEqualTo(200);
        assertThat(run.health().coldStart()).isTrue();
        assertThat(run.lazy()).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.coldStart()).isFalse();
            assertThat(r.logTail()).contains("ModuleNotFoundError: No module named 'src'");
        });
        LogFinding finding = run.scan().findings().stream().filter(f -> f.pattern().equals("ModuleNotFoundError"))
                .findFirst().orElseThrow();
        assertThat(finding.count()).isEqualTo(LAZY.size());
        assertThat(finding.failing()).isTrue();
        assertThat(finding.signature()).contains("ModuleNotFoundError: No module named 'src'");
        assertThat(finding.samples()).isNotEmpty().allMatch(s -> s.contains("Unhandled error on GET /api/v1/"));
        assertThat(run.scan().failed()).isTrue();
        assertThat(run.scan().read().settled()).isTrue();
        String firstId = run.lazy().get(0).requestId();
        assertThat(run.scan().requestLines().get(firstId)).extracting(LogEvent::message)
                .anyMatch(m -> m.startsWith("START RequestId: " + firstId))
                .anyMatch(m -> m.contains("ModuleNotFoundError"));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = LocalTestSupport.LINUX_SANDBOX)
    void goodBuildAnswers401OnLazyRoutesAndTheScanIsClean() throws Exception {
        Run run = verify("good");
        assertThat(run.lazy()).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(401));
        assertThat(run.scan().findings()).isEmpty();
        assertThat(run.scan().failed()).isFalse();
        assertThat(run.scan().read().delivered()).isGreaterThan(3L * (LAZY.size() + 1));
    }

    @Test
    void otherLogGroupsAndFilterTermsSelectAsCloudWatchWould() {
        LocalLogBuffer logs = new LocalLogBuffer();
        Instant t = Instant.parse("2026-11-28T10:00:00Z");
        logs.append(new LocalLogEvent(t, "ApiFunction", "2026/11/28/[$LATEST]ab", "r-1", "START RequestId: r-1"));
        logs.append(new LocalLogEvent(t, "ApiFunction", "2026/11/28/[$LATEST]ab", "r-1", "[ERROR] boom r-1"));
        logs.append(new LocalLogEvent(t, "Worker", "2026/11/28/[$LATEST]cd", "r-2", "worker line"));
        LocalLogSource source = new LocalLogSource(logs);
        List<String> seen = new ArrayList<>();
        var stats = source.read(new LogQuery("/aws/lambda/ApiFunction", t, t, Set.of(), "\"[ERROR] boom\""),
                e -> seen.add(e.message()));
        assertThat(seen).containsExactly("[ERROR] boom r-1");
        assertThat(stats.delivered()).isEqualTo(1);
        assertThat(source.read(new LogQuery("/aws/lambda/ApiFunction", t, t, Set.of("7"), null), e -> { })
                .outOfScope()).isEqualTo(2);
        assertThat(source.read(new LogQuery("/aws/lambda/Nope", t, t, Set.of(), null), e -> { }).warnings())
                .containsExactly("no local log events for log group /aws/lambda/Nope (local functions with logs:"
                        + " ApiFunction, Worker)");
    }
}
