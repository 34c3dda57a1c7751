package io.jenkins.plugins.lambdaverify.logs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jenkins.plugins.lambdaverify.aws.AwsCallException;
import io.jenkins.plugins.lambdaverify.aws.AwsClientFactory;
import io.jenkins.plugins.lambdaverify.aws.AwsTestClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class CloudWatchInsightsLogSourceTest {
    static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    static final Instant END = Instant.parse("2026-11-28T12:00:00Z");

    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    AwsClientFactory clients;
    FakeTime time = new FakeTime(END);
    List<LogEvent> received = new ArrayList<>();

    @BeforeEach
    void setUp() {
        clients = AwsTestClients.against(aws.getPort());
    }

    @AfterEach
    void tearDown() {
        clients.close();
    }

    CloudWatchInsightsLogSource source(Duration queryTimeout) {
        return new CloudWatchInsightsLogSource(clients.logs(), CloudWatchInsightsLogSource.DEFAULT_PREFILTER,
                Duration.ofSeconds(10), queryTimeout, Duration.ofSeconds(1), time, time);
    }

    static com.github.tomakehurst.wiremock.client.MappingBuilder target(String operation) {
        return post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328." + operation));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    @Test
    void runsAVersionScopedPrefilteredQueryAndStreamsTheRows() {
        aws.stubFor(target("StartQuery").willReturn(json("{\"queryId\":\"q-1\"}")));
        aws.stubFor(target("GetQueryResults").inScenario("q").whenScenarioStateIs(STARTED).willSetStateTo("done")
                .willReturn(json("{\"status\":\"Running\",\"results\":[]}")));
        aws.stubFor(target("GetQueryResults").inScenario("q").whenScenarioStateIs("done").willReturn(json("""
                {"status":"Complete","results":[
                  [{"field":"@timestamp","value":"2026-11-28 10:30:01.250"},
                   {"field":"@logStream","value":"2026/11/28/[7]abc"},
                   {"field":"@message","value":"[ERROR] ModuleNotFoundError: No module named 'src'"},
                   {"field":"@ptr","value":"p1"}]],
                 "statistics":{"recordsMatched":1.0,"recordsScanned":5000.0,"bytesScanned":100000.0}}""")));

        LogReadStats stats = source(Duration.ofMinutes(1)).read(
                new LogQuery("/aws/lambda/orders", START, END, Set.of("7", "$LATEST"), null), received::add);

        assertThat(received).singleElement().satisfies(e -> {
            assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-11-28T10:30:01.250Z"));
            assertThat(e.stream()).isEqualTo("2026/11/28/[7]abc");
            assertThat(e.message()).contains("ModuleNotFoundError");
        });
        assertThat(stats.truncated()).isFalse();
        assertThat(stats.polls()).isEqualTo(2);
        assertThat(time.instant()).isEqualTo(END.plusSeconds(11)); // ingestion wait, then one poll interval
        aws.verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("Logs_20140328.StartQuery"))
                .withRequestBody(matchingJsonPath("$.logGroupName", equalTo("/aws/lambda/orders")))
                .withRequestBody(matchingJsonPath("$.startTime", equalTo(String.valueOf(START.getEpochSecond()))))
                .withRequestBody(containing("filter @logStream like /\\\\[(7|\\\\$LATEST)\\\\]/"))
                .withRequestBody(containing("filter @message like /(?i)error|exception")));
    }

    @Test
    void aQueryThatNeverCompletesIsStoppedAtTheTimeout() {
        aws.stubFor(target("StartQuery").willReturn(json("{\"queryId\":\"q-2\"}")));
        aws.stubFor(target("GetQueryResults").willReturn(json("{\"status\":\"Running\",\"results\":[]}")));
        aws.stubFor(target("StopQuery").willReturn(json("{\"success\":true}")));

        assertThatThrownBy(() -> source(Duration.ofSeconds(5)).read(
                new LogQuery("/aws/lambda/orders", START, END, Set.of(), null), received::add))
                .isInstanceOfSatisfying(AwsCallException.class, e -> assertThat(e.kind()).isEqualTo(AwsCallException.Kind.TIMEOUT))
                .hasMessage("Logs Insights query on /aws/lambda/orders did not complete in 5 s: narrow the window or use "
                        + "FilterLogEvents mode");
        aws.verify(1, postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.StopQuery")));
    }

    @Test
    void aMissingLogGroupIsReportedAsUnreadable() {
        aws.stubFor(target("StartQuery").willReturn(json("{\"__type\":\"ResourceNotFoundException\","
                + "\"message\":\"Log group does not exist\"}").withStatus(400)));

        LogReadStats stats = source(Duration.ofSeconds(5)).read(
                new LogQuery("/aws/lambda/orders", START, END, Set.of(), null), received::add);

        assertThat(received).isEmpty();
        assertThat(stats.unreadable()).startsWith("log group /aws/lambda/orders does not exist");
        assertThat(stats.warnings()).isEmpty();
    }
}
