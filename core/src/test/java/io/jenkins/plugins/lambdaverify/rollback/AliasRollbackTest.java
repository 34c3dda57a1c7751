package io.jenkins.plugins.lambdaverify.rollback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome.Status;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The alias strategy against the real SDK client and WireMock speaking Lambda's REST-JSON. */
class AliasRollbackTest {
    private static final String ALIAS_PATH = "/2015-03-31/functions/orders-api/aliases/live";

    private WireMockServer wm;
    private LambdaClient lambda;
    private AliasRollback rollback;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        lambda = LambdaClient.builder().endpointOverride(URI.create(wm.baseUrl())).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .build();
        rollback = new AliasRollback(lambda);
    }

    @AfterEach
    void stop() {
        lambda.close();
        wm.stop();
    }

    private void aliasIs(String body) {
        wm.stubFor(get(urlPathEqualTo(ALIAS_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void rollsBackWithTheRecordedRevisionIdAndClearsRouting() {
        aliasIs("{\"Name\":\"live\",\"FunctionVersion\":\"8\",\"RevisionId\":\"rev-8\"}");
        wm.stubFor(put(urlPathEqualTo(ALIAS_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Name\":\"live\",\"FunctionVersion\":\"7\",\"RevisionId\":\"rev-9\"}")));
        AliasState state = rollback.record("orders-api", "live");
        RollbackOutcome outcome = rollback.rollback(state, "7", false);

        assertThat(outcome.status()).isEqualTo(Status.DONE);
        assertThat(outcome.reason()).isEqualTo("rolled back: alias orders-api:live now points at version 7 (was 8)");
        assertThat(outcome.fromVersion()).isEqualTo("8");
        wm.verify(1, putRequestedFor(urlPathEqualTo(ALIAS_PATH)).withRequestBody(equalToJson(
                "{\"FunctionVersion\":\"7\",\"RevisionId\":\"rev-8\",\"RoutingConfig\":{\"AdditionalVersionWeights\":{}}}",
                true, true)));
    }

    @Test
    void aliasChangedMeanwhileIsLeftAlone() {
        aliasIs("{\"Name\":\"live\",\"FunctionVersion\":\"8\",\"RevisionId\":\"rev-8\"}");
        wm.stubFor(put(urlPathEqualTo(ALIAS_PATH)).willReturn(aResponse().withStatus(412)
                .withHeader("x-amzn-ErrorType", "PreconditionFailedException")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Type\":\"User\",\"message\":\"The Revision Id provided does not match the latest Revision Id.\"}")));
        RollbackOutcome outcome = rollback.rollback(rollback.record("orders-api", "live"), "7", false);

        assertThat(outcome.status()).isEqualTo(Status.REFUSED);
        assertThat(outcome.reason()).contains("changed since verification started").contains("rev-8");
    }

    @Test
    void unknownPreviousVersionIsRefusedWithoutAnyWrite() {
        aliasIs("{\"Name\":\"live\",\"FunctionVersion\":\"8\",\"RevisionId\":\"rev-8\"}");
        RollbackOutcome outcome = rollback.rollback(rollback.record("orders-api", "live"), null, false);

        assertThat(outcome.status()).isEqualTo(Status.REFUSED);
        assertThat(outcome.reason()).startsWith("previous version of orders-api:live unknown");
        wm.verify(0, putRequestedFor(urlPathEqualTo(ALIAS_PATH)));
    }

    @Test
    void previousEqualToCurrentIsRefused() {
        aliasIs("{\"Name\":\"live\",\"FunctionVersion\":\"7\",\"RevisionId\":\"rev-7\"}");
        RollbackOutcome outcome = rollback.rollback(rollback.record("orders-api", "live"), "7", false);

        assertThat(outcome.status()).isEqualTo(Status.REFUSED);
        assertThat(outcome.reason()).isEqualTo("nothing to roll back: orders-api:live already points at version 7");
        wm.verify(0, putRequestedFor(urlPathEqualTo(ALIAS_PATH)));
    }

    @Test
    void weightedAliasGoesBackToItsPrimaryVersion() {
        aliasIs("{\"Name\":\"live\",\"FunctionVersion\":\"7\",\"RevisionId\":\"rev-w\","
                + "\"RoutingConfig\":{\"AdditionalVersionWeights\":{\"8\":0.1}}}");
        wm.stubFor(put(urlPathEqualTo(ALIAS_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Name\":\"live\",\"FunctionVersion\":\"7\",\"RevisionId\":\"rev-x\"}")));
        AliasState state = rollback.record("orders-api", "live");
        assertThat(state.verifiedVersion()).isEqualTo("8");

        RollbackOutcome outcome = rollback.rollback(state, null, false);
        assertThat(outcome.status()).isEqualTo(Status.DONE);
        assertThat(outcome.fromVersion()).isEqualTo("8");
        assertThat(outcome.toVersion()).isEqualTo("7");
        wm.verify(1, putRequestedFor(urlPathEqualTo(ALIAS_PATH)).withRequestBody(equalToJson(
                "{\"FunctionVersion\":\"7\",\"RevisionId\":\"rev-w\",\"RoutingConfig\":{\"AdditionalVersionWeights\":{}}}",
                true, true)));
    }

    @Test
    void dryRunSaysExactlyWhatAndWritesNothing() {
        aliasIs("{\"Name\":\"live\",\"FunctionVersion\":\"8\",\"RevisionId\":\"rev-8\"}");
        RollbackOutcome outcome = rollback.rollback(rollback.record("orders-api", "live"), "7", true);

        assertThat(outcome.status()).isEqualTo(Status.DRY_RUN);
        assertThat(outcome.reason()).isEqualTo("would update alias orders-api:live from version 8 to 7 (RevisionId rev-8)");
        wm.verify(0, putRequestedFor(urlPathEqualTo(ALIAS_PATH)));
    }

    @Test
    void secondRunAfterARollbackDoesNothingHarmful() {
        // after the first rollback the alias points at 7; a repeated run records 7 and must not move it again
        aliasIs("{\"Name\":\"live\",\"FunctionVersion\":\"7\",\"RevisionId\":\"rev-9\"}");
        RollbackOutcome again = rollback.rollback(rollback.record("orders-api", "live"), "7", false);
        assertThat(again.status()).isEqualTo(Status.REFUSED);
        wm.verify(0, putRequestedFor(urlPathEqualTo(ALIAS_PATH)));
    }

    @Test
    void deniedUpdateNamesTheAction() {
        aliasIs("{\"Name\":\"live\",\"FunctionVersion\":\"8\",\"RevisionId\":\"rev-8\"}");
        wm.stubFor(put(urlPathEqualTo(ALIAS_PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Message\":\"User is not authorized to perform: lambda:UpdateAlias\"}")));
        RollbackOutcome outcome = rollback.rollback(rollback.record("orders-api", "live"), "7", false);
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).contains("lambda:UpdateAlias denied");
    }
}
