package io.jenkins.plugins.lambdaverify.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.jenkins.plugins.lambdaverify.result.RollbackPoint;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The rollback point in the JSON report: its schema, its round trip, its template file and its secrets. */
class RollbackPointReportTest {
    static final String TEMPLATE = "Transform: AWS::Serverless-2016-10-31\n"
            + "Resources: {Fn: {Type: AWS::Serverless::Function, Properties: {CodeUri: s3://b/k}}}\n"
            + "# password=not-a-secret-here but masking must not touch the template\n";

    private static Schema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadPublishedSchema() throws Exception {
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(
                Files.readString(Path.of("..", "docs", "report-schema.json"), StandardCharsets.UTF_8), InputFormat.JSON);
    }

    static RollbackPoint point() {
        return new RollbackPoint("orders-api", "arn:aws:cloudformation:eu-west-1:123456789012:stack/orders-api/0f1e",
                "eu-west-1", "UPDATE_COMPLETE", Instant.parse("2026-11-28T10:00:00.125Z"),
                List.of("CAPABILITY_IAM"), List.of(RollbackPoint.Parameter.known("Stage", "prod"),
                RollbackPoint.Parameter.unknown("DbPassword"),
                RollbackPoint.Parameter.known("Greeting", "hello world")),
                "rollback-point/template.yaml", io.jenkins.plugins.lambdaverify.rollback.StackRecorder.sha256(TEMPLATE),
                TEMPLATE, null);
    }

    @Test
    void aRecordedPointValidatesAndRoundTripsWithoutItsTemplateText() {
        RunReport report = ReportFixtures.green().withRollbackPoint(point());
        String json = new JsonReportWriter().toJson(report);

        assertThat(schema.validate(json, InputFormat.JSON)).isEmpty();
        assertThat(json).doesNotContain("Transform"); // the template lives in its own file
        assertThat(new JsonReportReader().fromJson(json)).isEqualTo(report.withRollbackPoint(point().withoutTemplate()));
    }

    @Test
    void aPointNotRecordedValidatesAndSaysWhy() {
        RunReport report = ReportFixtures.green().withRollbackPoint(RollbackPoint.notRecorded("orders-api", "eu-west-1",
                "cloudformation:GetTemplate denied on orders-api: add cloudformation:GetTemplate to the role's IAM policy"));
        String json = new JsonReportWriter().toJson(report);

        assertThat(schema.validate(json, InputFormat.JSON)).isEmpty();
        assertThat(new JsonReportReader().fromJson(json)).isEqualTo(report);
        // negative control: the schema holds the new object to its shape
        assertThat(schema.validate(json.replace("\"recorded\" : false", "\"recorded\" : \"no\""), InputFormat.JSON))
                .isNotEmpty();
    }

    @Test
    void reportsOfEarlierV1VersionsWithoutThePointStillValidateAndRead() {
        String json = new JsonReportWriter().toJson(ReportFixtures.green()).replace(",\n  \"rollbackPoint\" : null", "");
        assertThat(json).doesNotContain("rollbackPoint");
        assertThat(schema.validate(json, InputFormat.JSON)).isEmpty();
        assertThat(new JsonReportReader().fromJson(json).rollbackPoint()).isNull();
    }

    @Test
    void aParameterValueTheMaskerWouldChangeIsWrittenAsUnknownNeverAsStars() {
        RollbackPoint p = point();
        RollbackPoint withSecret = new RollbackPoint(p.stackName(), p.stackId(), p.region(), p.stackStatus(),
                p.lastUpdatedTime(), p.capabilities(), List.of(RollbackPoint.Parameter.known("Greeting",
                "hello s3cr3t-value-99")), p.templateFile(), p.templateSha256(), p.template(), null);
        String json = new JsonReportWriter(SecretMasker.defaults().withLiterals("s3cr3t-value-99"))
                .toJson(ReportFixtures.green().withRollbackPoint(withSecret));

        assertThat(json).doesNotContain("s3cr3t-value-99").doesNotContain("hello ****");
        assertThat(new JsonReportReader().fromJson(json).rollbackPoint().parameters())
                .containsExactly(RollbackPoint.Parameter.unknown("Greeting"));
    }

    @Test
    void theTemplateIsWrittenUnmaskedBesideTheJsonBeforeIt() throws Exception {
        Path json = dir.resolve("reports/report.json");
        ReportWriteResult result = new ReportWriter(SecretMasker.defaults())
                .write(ReportFixtures.green().withRollbackPoint(point()), ReportTargets.none().withJson(json));

        assertThat(result.written()).extracting(ReportWriteResult.Written::kind)
                .containsExactly(ReportWriteResult.Kind.ROLLBACK_TEMPLATE, ReportWriteResult.Kind.JSON);
        Path template = dir.resolve("reports/rollback-point/template.yaml");
        assertThat(template).hasContent(TEMPLATE);
        JsonNode read = JsonMapper.builder().build().readTree(json.toFile());
        assertThat(read.path("rollbackPoint").path("templateSha256").stringValue())
                .isEqualTo(io.jenkins.plugins.lambdaverify.rollback.StackRecorder.sha256(Files.readAllBytes(template)));
    }

    @Test
    void aTemplatePathLeavingTheReportDirectoryIsNotWritten() {
        RollbackPoint p = point();
        RollbackPoint escaping = new RollbackPoint(p.stackName(), p.stackId(), p.region(), p.stackStatus(),
                p.lastUpdatedTime(), p.capabilities(), p.parameters(), "../../outside.yaml", p.templateSha256(),
                p.template(), null);
        Path json = dir.resolve("a/b/report.json");
        ReportWriteResult result = new ReportWriter().write(ReportFixtures.green().withRollbackPoint(escaping),
                ReportTargets.none().withJson(json));

        assertThat(result.errors()).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("rollback point template ../../outside.yaml is outside the report directory"));
        assertThat(dir.resolve("outside.yaml")).doesNotExist();
        assertThat(json).exists();
    }
}
