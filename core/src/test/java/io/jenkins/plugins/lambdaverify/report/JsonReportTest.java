package io.jenkins.plugins.lambdaverify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.LogScanStatus;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON reports validate against the published docs/report-schema.json and read back into equal RunReports. */
class JsonReportTest {

    private static Schema schema;

    private final JsonReportWriter writer = new JsonReportWriter();
    private final JsonReportReader reader = new JsonReportReader();
    private final JsonMapper mapper = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @BeforeAll
    static void loadPublishedSchema() throws Exception {
        Path file = Path.of("..", "docs", "report-schema.json");
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(file, StandardCharsets.UTF_8), InputFormat.JSON);
    }

    private static List<Error> validate(String json) {
        return schema.validate(json, InputFormat.JSON);
    }

    @Test
    void everyFixtureValidatesAgainstThePublishedSchema() {
        for (RunReport report : List.of(ReportFixtures.incident(), ReportFixtures.green(),
                ReportFixtures.unreachable())) {
            assertThat(validate(writer.toJson(report))).as(report.target().description()).isEmpty();
        }
    }

    @Test
    void schemaRejectsWhatIsNotAReport() {
        // Negative controls: the validator is live and the schema is strict.
        String json = writer.toJson(ReportFixtures.green());
        assertThat(validate(json.replace("\"outcome\" : \"passed\"", "\"outcome\" : \"fine\""))).isNotEmpty();
        assertThat(validate(json.replace("lambda-verify/report/v1", "lambda-verify/report/v0"))).isNotEmpty();
        assertThat(validate(json.replace("\"latencyMs\" : 120", "\"latency\" : 120"))).isNotEmpty();
    }

    @Test
    void incidentContentIsThereAndMasked() {
        String json = new JsonReportWriter(SecretMasker.defaults().withLiterals("rev-1"))
                .toJson(ReportFixtures.incident());
        JsonNode root = mapper.readTree(json);
        assertThat(root.path("schema").stringValue()).isEqualTo("lambda-verify/report/v1");
        assertThat(root.path("passed").booleanValue()).isFalse();
        assertThat(root.path("rolledBack").booleanValue()).isTrue();
        JsonNode v = root.path("verification");
        assertThat(v.path("summary").path("failed").asInt()).isEqualTo(1);
        assertThat(v.path("summary").path("error").asInt()).isEqualTo(1);
        assertThat(v.path("summary").path("total").asInt()).isEqualTo(5);
        assertThat(v.path("durationMs").asInt()).isEqualTo(3500);
        JsonNode incident = v.path("phases").get(1).path("checks").get(0);
        assertThat(incident.path("name").stringValue()).isEqualTo(ReportFixtures.INCIDENT_CHECK);
        assertThat(incident.path("outcome").stringValue()).isEqualTo("failed");
        assertThat(incident.path("statusCode").asInt()).isEqualTo(500);
        assertThat(incident.path("latencyMs").asInt()).isEqualTo(87);
        assertThat(incident.path("coldStart").booleanValue()).isTrue();
        assertThat(incident.path("failures").get(0).stringValue()).isEqualTo("expected status 401|307, got 500");
        assertThat(incident.path("logLines").get(1).stringValue()).isEqualTo(ReportFixtures.MODULE_ERROR);
        assertThat(v.path("findings").get(0).path("failing").booleanValue()).isTrue();
        assertThat(root.path("rollback").path("status").stringValue()).isEqualTo("done");
        assertThat(root.path("target").path("revisionId").stringValue()).isEqualTo("rev-1"); // ids are not masked
        assertThat(json).doesNotContain(ReportFixtures.LEAKED_TOKEN, ReportFixtures.ACCESS_KEY, "abc123");
    }

    @Test
    void roundTripsToAnEqualReport() throws Exception {
        RunReport green = ReportFixtures.green();
        assertThat(reader.fromJson(writer.toJson(green))).isEqualTo(green);

        // The incident without its planted secrets (masking changes those on purpose), sub-millisecond latency.
        RunReport incident = ReportFixtures.incident();
        VerificationResult v = incident.verification();
        PhaseResult unauth = v.phases().get(1);
        CheckResult failure = unauth.checks().get(0).withLogLines(List.of(ReportFixtures.MODULE_ERROR, "bell \u0007"));
        CheckResult precise = new CheckResult("public", "GET /p -> 200", "GET", "/p", "status 200",
                io.jenkins.plugins.lambdaverify.result.Outcome.PASSED, List.of(), null, 200, null,
                Duration.ofNanos(1_234_567_891L), null, null, null, List.of());
        VerificationResult clean = v.withPhases(List.of(v.phases().get(0),
                new PhaseResult(unauth.name(), List.of(failure, precise), unauth.duration()), v.phases().get(2)));
        RunReport expected = new RunReport(incident.target(), clean, incident.rollback(), incident.reverification());

        Path file = dir.resolve("report.json");
        Files.writeString(file, writer.toJson(expected));
        RunReport read = reader.read(file);
        assertThat(read).isEqualTo(expected);
        assertThat(writer.toJson(read)).isEqualTo(writer.toJson(expected));
    }

    @Test
    void aReportWithoutTargetOrRollbackRoundTrips() {
        RunReport bare = new RunReport(null, ReportFixtures.unreachable().verification(), null, null);
        String json = writer.toJson(bare);
        assertThat(validate(json)).isEmpty();
        assertThat(reader.fromJson(json)).isEqualTo(bare);
    }

    @Test
    void aFailedLogScanIsWrittenValidatedAndReadBack() {
        RunReport green = ReportFixtures.green();
        VerificationResult v = green.verification().withLogScan(List.of(), LogScanStatus.failed(
                "logs:FilterLogEvents denied for arn:aws:sts::1:assumed-role/ci on /aws/lambda/orders: add "
                        + "logs:FilterLogEvents to the role's IAM policy", "logs:FilterLogEvents", true));
        RunReport failed = new RunReport(green.target(), v, null, null);

        String json = writer.toJson(failed);
        assertThat(validate(json)).isEmpty();
        JsonNode scan = mapper.readTree(json).path("verification").path("logScan");
        assertThat(scan.path("status").stringValue()).isEqualTo("failed");
        assertThat(scan.path("action").stringValue()).isEqualTo("logs:FilterLogEvents");
        assertThat(scan.path("required").booleanValue()).isTrue();
        assertThat(mapper.readTree(json).path("passed").booleanValue()).isFalse();
        RunReport read = reader.fromJson(json);
        assertThat(read).isEqualTo(failed);
        assertThat(read.verification().logScan().failsRun()).isTrue();

        assertThat(validate(json.replace("\"status\" : \"failed\"", "\"status\" : \"broken\""))).isNotEmpty();
        assertThatThrownBy(() -> reader.fromJson(json.replace("\"status\" : \"failed\"", "\"status\" : \"broken\"")))
                .hasMessageStartingWith("verification.logScan.status: expected one of clean, found, skipped, failed");
    }

    @Test
    void aReportWrittenBeforeTheLogScanStatusReadsWithTheStatusTheFindingsTell() {
        // What an older lambda-verify wrote: no verification.logScan at all.
        for (RunReport report : List.of(ReportFixtures.green(), ReportFixtures.unreachable())) {
            ObjectNode root = (ObjectNode) mapper.readTree(writer.toJson(report));
            ((ObjectNode) root.path("verification")).remove("logScan");
            String old = mapper.writeValueAsString(root);
            assertThat(old).doesNotContain("logScan");
            assertThat(validate(old)).isEmpty();
            assertThat(reader.fromJson(old)).isEqualTo(report);
        }
        ObjectNode green = (ObjectNode) mapper.readTree(writer.toJson(ReportFixtures.green()));
        ((ObjectNode) green.path("verification")).remove("logScan");
        assertThat(reader.fromJson(mapper.writeValueAsString(green)).verification().logScan().state())
                .isEqualTo(LogScanStatus.State.CLEAN);
        ObjectNode unreachable = (ObjectNode) mapper.readTree(writer.toJson(ReportFixtures.unreachable()));
        ((ObjectNode) unreachable.path("verification")).remove("logScan");
        assertThat(reader.fromJson(mapper.writeValueAsString(unreachable)).verification().logScan())
                .isEqualTo(LogScanStatus.skipped(null));
    }

    @Test
    void readerIgnoresFieldsItDoesNotKnow() {
        String json = writer.toJson(ReportFixtures.green()).replaceFirst("\\{", "{ \"addedLater\": {\"x\": 1},");
        assertThat(reader.fromJson(json)).isEqualTo(ReportFixtures.green());
    }

    @Test
    void readerSaysClearlyWhatIsWrong() {
        assertThatThrownBy(() -> reader.fromJson("{ nope"))
                .isInstanceOf(ReportFormatException.class).hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> reader.fromJson("{\"schema\": \"something/else\"}"))
                .hasMessage("not a lambda-verify report: schema is \"something/else\", expected \"lambda-verify/report/v1\"");
        assertThatThrownBy(() -> reader.fromJson("{\"schema\": \"lambda-verify/report/v2\"}"))
                .hasMessageContaining("upgrade lambda-verify");
        assertThatThrownBy(() -> reader.fromJson("[]")).hasMessageContaining("expected a JSON object");

        String json = writer.toJson(ReportFixtures.green()).replaceFirst("\"outcome\" : \"passed\"",
                "\"outcome\" : \"meh\"");
        assertThatThrownBy(() -> reader.fromJson(json)).isInstanceOf(ReportFormatException.class)
                .hasMessage("verification.phases[0].checks[0].outcome: expected one of passed, failed, error, skipped,"
                        + " got \"meh\"");
    }

    @Test
    void missingFileIsAnIoErrorNamingThePath() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> reader.read(missing)).isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessageContaining("nope.json");
    }

    @Test
    void badFileNamesTheFile() throws Exception {
        Path file = dir.resolve("old.json");
        Files.writeString(file, "{\"schema\": 1}");
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(ReportFormatException.class)
                .hasMessageStartingWith(file.toString() + ": not a lambda-verify report");
    }
}
