package io.jenkins.plugins.lambdaverify.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.aws.AwsClientFactory;
import io.jenkins.plugins.lambdaverify.aws.AwsTestClients;
import io.jenkins.plugins.lambdaverify.result.LogFinding;
import io.jenkins.plugins.lambdaverify.spec.LogScanSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 200,000 events streamed from a generating endpoint through the real client, source, scanner and correlator. */
class LargeLogScanTest {
    static final int TOTAL = 200_000;

    @Test
    @Timeout(180)
    void manyEventsStreamThroughTheScannerWithExactCounts() throws Exception {
        Map<String, Long> expectedModules = new TreeMap<>();
        long expectedTimeouts = 0;
        long expectedOutOfScope = 0;
        for (long n = 0; n < TOTAL; n++) {
            if (GeneratedLogsServer.stream(n).contains("[6]")) {
                expectedOutOfScope++;
                continue;
            }
            String message = GeneratedLogsServer.message(n);
            if (message.contains("ModuleNotFoundError")) {
                expectedModules.merge(message.substring(message.indexOf("'")), 1L, Long::sum);
            } else if (message.contains("Task timed out")) {
                expectedTimeouts++;
            }
        }
        String errorRequest = GeneratedLogsServer.requestId(150_000);
        String infoRequest = GeneratedLogsServer.requestId(150_002);

        try (GeneratedLogsServer server = new GeneratedLogsServer(TOTAL, 10_000);
             AwsClientFactory clients = AwsTestClients.against(server.port(), Duration.ofSeconds(60))) {
            LogQuery query = new LogQuery("/aws/lambda/orders", GeneratedLogsServer.START,
                    GeneratedLogsServer.START.plus(Duration.ofMinutes(10)), Set.of("7"), null);
            LogScanResult result = LogScan.run(new CloudWatchLogSource(clients.logs(), SettlePolicy.none()), query,
                    LogScanner.forSpec(LogScanSpec.defaults(), "python3.12"),
                    new LogCorrelator(List.of(errorRequest, infoRequest)));

            assertThat(result.read().delivered()).isEqualTo(TOTAL - expectedOutOfScope);
            assertThat(result.read().outOfScope()).isEqualTo(expectedOutOfScope);
            assertThat(result.scanned()).isEqualTo(TOTAL - expectedOutOfScope);

            Map<String, Long> modules = new TreeMap<>();
            for (LogFinding f : result.findings()) {
                if (f.pattern().equals("ModuleNotFoundError")) {
                    modules.put(f.signature().substring(f.signature().indexOf("'")), f.count());
                    assertThat(f.samples()).hasSizeLessThanOrEqualTo(3);
                }
            }
            assertThat(modules).isEqualTo(expectedModules);
            long timeouts = expectedTimeouts;
            assertThat(result.findings()).filteredOn(f -> f.pattern().equals("Task timed out")).singleElement()
                    .satisfies(f -> {
                        assertThat(f.count()).isEqualTo(timeouts);
                        assertThat(f.firstSeen()).isEqualTo(GeneratedLogsServer.timestamp(1));
                    });
            assertThat(result.findings()).extracting(LogFinding::pattern)
                    .containsOnly("ModuleNotFoundError", "Task timed out");
            assertThat(result.requestLines().get(errorRequest)).singleElement()
                    .satisfies(e -> assertThat(e.message()).contains("ModuleNotFoundError"));
            assertThat(result.requestLines().get(infoRequest)).singleElement()
                    .satisfies(e -> assertThat(e.message()).contains("GET /orders/150002 200"));
            assertThat(result.failed()).isTrue();
        }
    }
}
