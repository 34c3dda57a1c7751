package io.jenkins.plugins.lambdaverify.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.result.RollbackPoint;
import io.jenkins.plugins.lambdaverify.spec.RollbackSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a sam rollback deploys from a recorded point, and when it refuses. */
class SamRollbackTest {
    static final String TEMPLATE = "Resources: {}\n";
    static final Instant RECORDED = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path dir;
    Path template;

    @BeforeEach
    void writeTemplate() throws Exception {
        template = dir.resolve("rollback-point/template.yaml");
        Files.createDirectories(template.getParent());
        Files.writeString(template, TEMPLATE);
    }

    static RollbackPoint point(List<RollbackPoint.Parameter> parameters) {
        return new RollbackPoint("orders-api", "arn:aws:cloudformation:eu-west-1:123456789012:stack/orders-api/0f1e",
                "eu-west-1", "UPDATE_COMPLETE", RECORDED, List.of("CAPABILITY_IAM"), parameters,
                "rollback-point/template.yaml", StackRecorder.sha256(TEMPLATE), null, null);
    }

    private SamRollback.Plan plan(RollbackSpec.Sam sam, String stack, String region, RollbackPoint point) {
        return SamRollback.fromPoint(sam, stack, region, point, template, RECORDED.plusSeconds(600));
    }

    private static String refusal(SamRollback.Plan plan) {
        assertThat(plan).isInstanceOf(SamRollback.Refused.class);
        return ((SamRollback.Refused) plan).reason();
    }

    @Test
    void settingsWinOverTheRecordedParametersAndCapabilities() {
        RollbackSpec.Sam sam = new RollbackSpec.Sam(null, null, null, List.of("CAPABILITY_NAMED_IAM"),
                Map.of("Stage", "prod-eu"), null, List.of("--no-progressbar"));
        SamRollback.Plan plan = plan(sam, null, "eu-west-1", point(List.of(RollbackPoint.Parameter.known("Stage", "prod"),
                RollbackPoint.Parameter.known("Weird", "ends\\"), RollbackPoint.Parameter.known("Old", "****"))));

        assertThat(plan).isInstanceOf(SamRollback.Deploy.class);
        SamRollback.Deploy deploy = (SamRollback.Deploy) plan;
        // no stack configured: the point's stack
        assertThat(deploy.command()).containsExactly("sam", "deploy", "--template-file", template.toString(),
                "--stack-name", "orders-api", "--no-fail-on-empty-changeset", "--no-confirm-changeset", "--region",
                "eu-west-1", "--capabilities", "CAPABILITY_NAMED_IAM", "--parameter-overrides", "Stage=prod-eu",
                "--no-progressbar");
        assertThat(deploy.kept()).containsExactly("Weird (sam deploy cannot take its value unchanged)",
                "Old (NoEcho or secret: not recorded)");
    }

    @Test
    void refusesAPointOfAnotherStackOrRegion() {
        RollbackPoint p = point(List.of());
        assertThat(refusal(plan(null, "billing-api", "eu-west-1", p))).isEqualTo("the rollback point is for stack "
                + "orders-api, not billing-api: it was recorded by another deployment's run");
        assertThat(refusal(plan(null, "orders-api", "us-east-1", p))).isEqualTo("the rollback point is for stack "
                + "orders-api in eu-west-1, this run is in us-east-1");
        // the stack's ARN names the same stack
        assertThat(plan(null, p.stackId(), "eu-west-1", p)).isInstanceOf(SamRollback.Deploy.class);
    }

    @Test
    void refusesAMissingTemplateOrAPointThatWasNotRecorded() throws Exception {
        Files.delete(template);
        assertThat(refusal(plan(null, "orders-api", "eu-west-1", point(List.of())))).isEqualTo("the rollback point's "
                + "template " + template + " is missing: keep the rollback-point/ directory beside the previous "
                + "report.json");
        assertThat(refusal(plan(null, "orders-api", "eu-west-1", RollbackPoint.notRecorded("orders-api", "eu-west-1",
                "stack orders-api is UPDATE_IN_PROGRESS")))).isEqualTo("the previous run recorded no rollback point: "
                + "stack orders-api is UPDATE_IN_PROGRESS");
    }

    @Test
    void refusesASettingSamCannotPassUnchanged() {
        RollbackSpec.Sam sam = new RollbackSpec.Sam(null, null, null, List.of(), Map.of("Path", "C:\\dir\\"), null,
                List.of());
        assertThat(refusal(plan(sam, "orders-api", "eu-west-1", point(List.of())))).startsWith(
                "rollback.sam.parameterOverrides: parameter Path: sam deploy cannot take its value unchanged");
        assertThat(refusal(SamRollback.explicit(new RollbackSpec.Sam("t.yaml", null, null, List.of(), Map.of(), null,
                List.of()), null, "eu-west-1"))).isEqualTo("the sam strategy needs a stack: set rollback.sam.stackName "
                + "or target.stack");
    }
}
