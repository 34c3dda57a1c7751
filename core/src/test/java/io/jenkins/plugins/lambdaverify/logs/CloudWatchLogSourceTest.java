package io.jenkins.plugins.lambdaverify.logs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
class CloudWatchLogSourceTest {
    static final String GROUP = "/aws/lambda/orders-api-ApiFunction-1A2B3C";
    static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    static final Instant END = Instant.parse("2026-11-28T10:05:00Z");
    static final String V7 = "2026/11/28/[7]0a1b2c3d4e5f";
    static final String V6 = "2026/11/28/[6]9f8e7d6c5b4a";

    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    AwsClientFactory clients;
    List<LogEvent> received = new ArrayList<>();

    @BeforeEach
    void setUp() {
        clients = AwsTestClients.against(aws.getPort());
    }

    @AfterEach
    void tearDown() {
        clients.close();
    }

    static MappingBuilder filterLogEvents() {
        return post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"));
    }

    static String event(String id, String stream, int second, long ingestedSecond, String message) {
        return "{\"eventId\":\"" + id + "\",\"logStreamName\":\"" + stream + "\",\"timestamp\":"
                + START.plusSeconds(second).toEpochMilli() + ",\"ingestionTime\":" + START.plusSeconds(ingestedSecond).toEpochMilli()
                + ",\"message\":\"" + message + "\"}";
    }

    static ResponseDefinitionBuilder page(String nextToken, String... events) {
        return aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody("{\"events\":["
                + String.join(",", events) + "],\"searchedLogStreams\":[]"
                + (nextToken != null ? ",\"nextToken\":\"" + nextToken + "\"" : "") + "}");
    }

    static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    LogQuery query() {
        return new LogQuery(GROUP, START, END, Set.of("7"), null);
    }

    @Test
    void followsNextTokensAndKeepsOnlyTheVerifiedVersionsStreams() {
        aws.stubFor(filterLogEvents().atPriority(1).withRequestBody(matchingJsonPath("$.nextToken", equalTo("page-2")))
                .willReturn(page(null, event("e3", V7, 3, 4, "END RequestId: x"))));
        aws.stubFor(filterLogEvents().atPriority(5).willReturn(page("page-2",
                event("e1", V7, 1, 2, "START RequestId: x Version: 7"),
                event("e2", V6, 2, 3, "old version line"))));

        LogReadStats stats = new CloudWatchLogSource(clients.logs(), SettlePolicy.none()).read(query(), received::add);

        assertThat(received).extracting(LogEvent::message).containsExactly("START RequestId: x Version: 7", "END RequestId: x");
        assertThat(received.getFirst().stream()).isEqualTo(V7);
        assertThat(received.getFirst().timestamp()).isEqualTo(START.plusSeconds(1));
        assertThat(stats.delivered()).isEqualTo(2);
        assertThat(stats.outOfScope()).isEqualTo(1);
        assertThat(stats.polls()).isEqualTo(1);
        assertThat(stats.settled()).isTrue();
        aws.verify(2, postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(matchingJsonPath("$.logGroupName", equalTo(GROUP)))
                .withRequestBody(matchingJsonPath("$.startTime", equalTo(String.valueOf(START.toEpochMilli()))))
                .withRequestBody(matchingJsonPath("$.endTime", equalTo(String.valueOf(END.toEpochMilli())))));
    }

    @Test
    void lateEventsArePickedUpBySettlingAndDeliveredOnce() {
        aws.stubFor(filterLogEvents().inScenario("late").whenScenarioStateIs(STARTED).willSetStateTo("arrived")
                .willReturn(page(null, event("e1", V7, 1, 2, "first"))));
        aws.stubFor(filterLogEvents().inScenario("late").whenScenarioStateIs("arrived")
                .willReturn(page(null, event("e1", V7, 1, 2, "first"), event("e2", V7, 2, 9, "[ERROR] late one"))));
        FakeTime time = new FakeTime(END);
        SettlePolicy settle = SettlePolicy.of(Duration.ofSeconds(5), Duration.ofSeconds(30)).withPollInterval(Duration.ofSeconds(1));

        LogReadStats stats = new CloudWatchLogSource(clients.logs(), settle, time, time).read(query(), received::add);

        assertThat(received).extracting(LogEvent::message).containsExactly("first", "[ERROR] late one");
        assertThat(stats.settled()).isTrue();
        // poll at 0 s (first), 1 s (late one), then quiet from 1 s: 2, 3, 4, 5, 6 s
        assertThat(stats.polls()).isEqualTo(7);
        assertThat(time.instant()).isEqualTo(END.plusSeconds(6));
        assertThat(stats.warnings()).isEmpty();
    }

    @Test
    void laterReadsStartAtTheLateArrivalHorizonAndDeliverStragglersIngestedJustBeforeTheNewestOnce() {
        aws.stubFor(filterLogEvents().inScenario("straggler").whenScenarioStateIs(STARTED).willSetStateTo("more")
                .willReturn(page(null, event("e1", V7, 280, 281, "one"), event("e2", V7, 283, 290, "two"))));
        // e3 became visible after e2 although it was ingested 2 s before it: within the duplicate margin
        aws.stubFor(filterLogEvents().inScenario("straggler").whenScenarioStateIs("more")
                .willReturn(page(null, event("e1", V7, 280, 281, "one"), event("e3", V7, 282, 288, "three"),
                        event("e2", V7, 283, 290, "two"))));
        FakeTime time = new FakeTime(END);
        SettlePolicy settle = new SettlePolicy(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofMinutes(1), Duration.ofSeconds(5));

        new CloudWatchLogSource(clients.logs(), settle, time, time).read(query(), received::add);

        assertThat(received).extracting(LogEvent::message).containsExactly("one", "two", "three");
        aws.verify(postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(matchingJsonPath("$.startTime", equalTo(String.valueOf(END.minusSeconds(60).toEpochMilli())))));
    }

    @Test
    void settleTimeoutEndsTheWaitAndSaysSo() {
        aws.stubFor(filterLogEvents().willReturn(page(null)));
        FakeTime time = new FakeTime(END);
        SettlePolicy settle = SettlePolicy.of(Duration.ofSeconds(10), Duration.ofSeconds(3)).withPollInterval(Duration.ofSeconds(1));

        LogReadStats stats = new CloudWatchLogSource(clients.logs(), settle, time, time).read(query(), received::add);

        assertThat(stats.settled()).isFalse();
        assertThat(stats.polls()).isEqualTo(4);
        assertThat(stats.warnings()).singleElement().asString().contains("settle timeout (3 s)");
    }

    @Test
    void throttlingIsRetriedThenSucceeds() {
        aws.stubFor(filterLogEvents().inScenario("throttle").whenScenarioStateIs(STARTED).willSetStateTo("ok")
                .willReturn(error(400, "ThrottlingException", "Rate exceeded")));
        aws.stubFor(filterLogEvents().inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(page(null, event("e1", V7, 1, 2, "hello"))));

        new CloudWatchLogSource(clients.logs(), SettlePolicy.none()).read(query(), received::add);

        assertThat(received).extracting(LogEvent::message).containsExactly("hello");
        aws.verify(2, postRequestedFor(urlPathEqualTo("/")));
    }

    @Test
    void persistentServerErrorsFailWithTheAction() {
        aws.stubFor(filterLogEvents().willReturn(error(503, "ServiceUnavailableException", "try later")));

        assertThatThrownBy(() -> new CloudWatchLogSource(clients.logs(), SettlePolicy.none()).read(query(), received::add))
                .isInstanceOfSatisfying(AwsCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AwsCallException.Kind.SERVICE);
                    assertThat(e.action()).isEqualTo("logs:FilterLogEvents");
                })
                .hasMessageContaining("logs:FilterLogEvents on " + GROUP + " failed: AWS answered 503");
        aws.verify(3, postRequestedFor(urlPathEqualTo("/")));
    }

    @Test
    void deniedFilterLogEventsNamesTheAction() {
        aws.stubFor(filterLogEvents().willReturn(error(400, "AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/ci/jenkins is not authorized to perform: logs:FilterLogEvents")));

        assertThatThrownBy(() -> new CloudWatchLogSource(clients.logs(), SettlePolicy.none()).read(query(), received::add))
                .hasMessage("logs:FilterLogEvents denied for arn:aws:sts::123456789012:assumed-role/ci/jenkins on " + GROUP
                        + ": add logs:FilterLogEvents to the role's IAM policy");
    }

    @Test
    void aMissingLogGroupIsReportedAsUnreadableNotThrown() {
        aws.stubFor(filterLogEvents().willReturn(error(400, "ResourceNotFoundException", "The specified log group does not exist.")));

        LogReadStats stats = new CloudWatchLogSource(clients.logs(), SettlePolicy.none()).read(query(), received::add);

        assertThat(received).isEmpty();
        // nothing read from a group that does not exist is not a clean log: the scan says it could not read it
        assertThat(stats.unreadable()).startsWith("log group " + GROUP + " does not exist");
        assertThat(stats.warnings()).isEmpty();
    }

    @Test
    void aSlowEndpointFailsAtTheCallTimeout() {
        aws.stubFor(filterLogEvents().willReturn(page(null).withFixedDelay(2_000)));
        try (AwsClientFactory slow = AwsTestClients.against(aws.getPort(), Duration.ofMillis(300))) {
            assertThatThrownBy(() -> new CloudWatchLogSource(slow.logs(), SettlePolicy.none()).read(query(), received::add))
                    .isInstanceOfSatisfying(AwsCallException.class,
                            e -> assertThat(e.kind()).isEqualTo(AwsCallException.Kind.TIMEOUT));
        }
    }

    @Test
    void filterPatternIsSentForRequestCorrelation() {
        aws.stubFor(filterLogEvents().withRequestBody(matchingJsonPath("$.filterPattern", equalTo("\"abc-123\"")))
                .willReturn(page(null, event("e1", V7, 1, 2, "START RequestId: abc-123 Version: 7"))));

        new CloudWatchLogSource(clients.logs(), SettlePolicy.none()).read(query().forRequest("abc-123"), received::add);

        assertThat(received).hasSize(1);
    }
}
