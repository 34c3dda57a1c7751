package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.report.JsonReportReader;
import io.jenkins.plugins.lambdaverify.report.JsonReportWriter;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import io.jenkins.plugins.lambdaverify.result.RollbackPoint;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.TargetInfo;
import io.jenkins.plugins.lambdaverify.result.Termination;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import io.jenkins.plugins.lambdaverify.spec.RollbackSpec;
import io.jenkins.plugins.lambdaverify.spec.SpecLoader;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the controller keeps of a run for the next builds, which earlier build it takes, and when the agent uses it. */
class RollbackPointsTest {
    private static final String TEMPLATE = "Resources: {Fn: {Type: AWS::Serverless::Function}}\n";
    private static final RollbackSpec SAM = new RollbackSpec(
            RollbackSpec.Strategy.SAM, null, null, false, true, RollbackSpec.DEFAULT_TIMEOUT, null, List.of());

    @TempDir
    Path dir;

    @Test
    void aReportWithARecordedPointNamesItsTemplate() throws Exception {
        Path report = write(point("rollback-point/template.yaml", null));

        assertThat(RollbackPoints.templateOf(report)).isEqualTo("rollback-point/template.yaml");
    }

    @Test
    void aReportWithoutAUsablePointHasNothingToKeep() throws Exception {
        assertThat(RollbackPoints.templateOf(write(null))).isNull();
        assertThat(RollbackPoints.templateOf(write(
                        RollbackPoint.notRecorded("orders-api", "eu-west-1", "cloudformation:GetTemplate denied"))))
                .isNull();
        // a tampered report cannot make the controller copy files from outside the report directory
        assertThat(RollbackPoints.templateOf(write(point("../../secrets/template.yaml", null))))
                .isNull();
    }

    @Test
    void sizesOverTheLimitAreRefusedWithTheNumbers() {
        assertThat(RollbackPoints.sizeProblem("rollback-point/template.yaml", 1024, 1024))
                .isNull();
        assertThat(RollbackPoints.sizeProblem("rollback-point/template.yaml", 2_000_000, 1024))
                .isEqualTo("rollback-point/template.yaml is 2000000 bytes, more than the 1024 kept");
    }

    @Test
    void theNewestEarlierBuildWithAPointIsChosen() {
        // builds 9..1, newest first; 9 and 8 failed without a point, 7 and 3 kept one
        List<Integer> earlier = List.of(9, 8, 7, 6, 5, 4, 3, 2, 1);
        Set<Integer> withPoint = Set.of(7, 3);

        assertThat(RollbackPoints.newestWith(earlier.iterator(), withPoint::contains, 100))
                .isEqualTo(7);
        assertThat(RollbackPoints.newestWith(earlier.iterator(), Set.of(1)::contains, 100))
                .isEqualTo(1);
        assertThat(RollbackPoints.newestWith(earlier.iterator(), Set.of()::contains, 100))
                .isNull();
    }

    @Test
    void earlierBuildNumbersCountDownToTheFirstBuild() {
        List<Integer> numbers = new ArrayList<>();
        RollbackPoints.earlierNumbers(4).forEachRemaining(numbers::add);

        assertThat(numbers).containsExactly(3, 2, 1);
        assertThat(RollbackPoints.earlierNumbers(1).hasNext()).isFalse();
        assertThat(RollbackPoints.storeDir(Path.of("builds", "3"), "7"))
                .isEqualTo(Path.of("builds", "3", "lambda-verify", "7"));
    }

    @Test
    void theSearchLooksAtNoMoreBuildsThanItsLimit() {
        List<Integer> looked = new ArrayList<>();
        Integer found = RollbackPoints.newestWith(
                List.of(9, 8, 7, 6, 5).iterator(),
                b -> {
                    looked.add(b);
                    return b == 5;
                },
                3);

        assertThat(found).isNull();
        assertThat(looked).containsExactly(9, 8, 7);
    }

    @Test
    void theCarriedPointIsUsedOnlyBySamWithNothingElseToGoBackTo() {
        assertThat(RollbackPoints.withCarried(SAM, "lambda-verify/7/previous/report.json")
                        .previousReport())
                .isEqualTo("lambda-verify/7/previous/report.json");
        assertThat(RollbackPoints.withCarried(SAM, null)).isSameAs(SAM);

        RollbackSpec explicitReport = new RollbackSpec(
                RollbackSpec.Strategy.SAM,
                null,
                "last-good/report.json",
                false,
                true,
                RollbackSpec.DEFAULT_TIMEOUT,
                null,
                List.of());
        assertThat(RollbackPoints.withCarried(explicitReport, "lambda-verify/7/previous/report.json")
                        .previousReport())
                .isEqualTo("last-good/report.json");

        RollbackSpec explicitTemplate = new RollbackSpec(
                RollbackSpec.Strategy.SAM,
                null,
                null,
                false,
                true,
                RollbackSpec.DEFAULT_TIMEOUT,
                new RollbackSpec.Sam("packaged.yaml", null, null, List.of(), java.util.Map.of(), null, List.of()),
                List.of());
        assertThat(RollbackPoints.withCarried(explicitTemplate, "x/report.json"))
                .isSameAs(explicitTemplate);

        RollbackSpec alias = new RollbackSpec(
                RollbackSpec.Strategy.ALIAS, null, null, false, true, RollbackSpec.DEFAULT_TIMEOUT, null, List.of());
        assertThat(RollbackPoints.withCarried(alias, "x/report.json")).isSameAs(alias);
    }

    @Test
    void clearingTheReportDirectoryKeepsOnlyTheCarriedPoint() throws Exception {
        Path reports = dir.resolve("lambda-verify/7");
        Files.createDirectories(reports.resolve("previous/rollback-point"));
        Files.writeString(reports.resolve("previous/report.json"), "{}");
        Files.createDirectories(reports.resolve("rollback-point"));
        Files.writeString(reports.resolve("rollback-point/template.yaml"), TEMPLATE);
        Files.writeString(reports.resolve("report.json"), "{}");

        RollbackPoints.clear(reports, RollbackPoints.PREVIOUS_DIR);
        assertThat(children(reports)).containsExactly("previous");
        assertThat(reports.resolve("previous/report.json")).exists();

        RollbackPoints.clear(reports, null);
        assertThat(children(reports)).isEmpty();

        RollbackPoints.clear(dir.resolve("lambda-verify/new"), null);
        assertThat(dir.resolve("lambda-verify/new")).isEmptyDirectory();
    }

    @Test
    void aCommitReplacesTheWholeOldPoint() throws Exception {
        Path target = dir.resolve("builds/3/lambda-verify/7");
        Files.createDirectories(target.resolve("rollback-point"));
        Files.writeString(target.resolve("rollback-point/template.json"), "{}");
        Path staged = dir.resolve("builds/3/lambda-verify/7.tmp");
        Files.createDirectories(staged.resolve("rollback-point"));
        Files.writeString(staged.resolve("report.json"), "{}");
        Files.writeString(staged.resolve("rollback-point/template.yaml"), TEMPLATE);

        RollbackPoints.commit(staged, target);

        assertThat(staged).doesNotExist();
        assertThat(target.resolve("rollback-point/template.json")).doesNotExist();
        assertThat(Files.readString(target.resolve("rollback-point/template.yaml")))
                .isEqualTo(TEMPLATE);
        assertThat(children(target.getParent())).containsExactly("7");
    }

    @Test
    void aCarriedPointIsUsedOnlyForTheDeploymentItWasRecordedFor() throws Exception {
        // the earlier report: function orders-api, its stack orders-api (region eu-west-1), see target() and point()
        RunReport earlier = new JsonReportReader().read(write(point("rollback-point/template.yaml", null)));

        assertThat(RollbackPoints.otherDeployment(earlier, spec("target: {stack: orders-api}")))
                .isNull();
        assertThat(RollbackPoints.otherDeployment(
                        earlier,
                        spec("target: {stack: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/orders-api/0f1e'}")))
                .isNull();
        assertThat(RollbackPoints.otherDeployment(earlier, spec("target: {stack: payments}")))
                .isEqualTo("it is for stack orders-api, this run verifies stack payments");
        assertThat(RollbackPoints.otherDeployment(earlier, spec("target: {stack: orders-api, region: us-east-1}")))
                .isEqualTo("it is for region eu-west-1, this run verifies us-east-1");
        // no stack: the function tells whose stack it is
        assertThat(RollbackPoints.otherDeployment(earlier, spec("target: {function: 'orders-api:live'}")))
                .isNull();
        assertThat(RollbackPoints.otherDeployment(earlier, spec("target: {function: payments-api}")))
                .isEqualTo(
                        "it is for stack orders-api of function orders-api, this run verifies function payments-api");
        assertThat(RollbackPoints.otherDeployment(earlier, spec("target: {namePrefix: orders-}")))
                .startsWith("this run names neither a stack nor a function");
        // a point not recorded is core's to explain
        RunReport none = new JsonReportReader().read(write(point(null, "AccessDenied")));
        assertThat(RollbackPoints.otherDeployment(none, spec("target: {stack: payments}")))
                .isNull();
    }

    private static VerifySpec spec(String target) {
        return SpecLoader.parse(
                target + "\nphases: [{name: smoke, checks: ['GET /: 200']}]\nrollback: {strategy: sam}\n",
                "lambda-verify.yaml");
    }

    @Test
    void aTemplatePathThatWouldOverwriteTheReportOrTheCarriedPointIsNotUsable() throws Exception {
        assertThat(RollbackPoints.templateOf(write(point("report.json", null)))).isNull();
        assertThat(RollbackPoints.templateOf(write(point("./report.json", null))))
                .isNull();
        assertThat(RollbackPoints.templateOf(write(point("previous/rollback-point/template.yaml", null))))
                .isNull();
        assertThat(RollbackPoints.templateOf(write(point("rollback-point/report.json", null))))
                .isEqualTo("rollback-point/report.json");
    }

    @Test
    void aFunctionIsMatchedByItsBareName() {
        assertThat(RollbackPoints.functionName("orders-api")).isEqualTo("orders-api");
        assertThat(RollbackPoints.functionName("orders-api:live")).isEqualTo("orders-api");
        assertThat(RollbackPoints.functionName("arn:aws:lambda:eu-west-1:123456789012:function:orders-api:live"))
                .isEqualTo("orders-api");
        assertThat(RollbackPoints.functionName("123456789012:function:orders-api"))
                .isEqualTo("orders-api");
        assertThat(RollbackPoints.functionName(" ")).isNull();
    }

    private List<String> children(Path parent) throws Exception {
        try (var list = Files.list(parent)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path write(RollbackPoint point) throws Exception {
        Path reports = Files.createTempDirectory(dir, "reports");
        RunReport report = RunReport.of(target(), result());
        if (point != null) {
            report = report.withRollbackPoint(point);
        }
        Path json = reports.resolve("report.json");
        Files.writeString(json, new JsonReportWriter().toJson(report), StandardCharsets.UTF_8);
        return json;
    }

    private static RollbackPoint point(String templateFile, String problem) {
        return new RollbackPoint(
                "orders-api",
                "arn:aws:cloudformation:eu-west-1:123456789012:stack/orders-api/0f1e",
                "eu-west-1",
                "UPDATE_COMPLETE",
                Instant.parse("2026-11-28T10:00:00Z"),
                List.of("CAPABILITY_IAM"),
                List.of(RollbackPoint.Parameter.known("Stage", "prod")),
                templateFile,
                "0".repeat(64),
                null,
                problem);
    }

    private static TargetInfo target() {
        return new TargetInfo(
                "lambda:orders-api:live",
                "orders-api",
                "arn:aws:lambda:eu-west-1:123456789012:function:orders-api",
                "live",
                "42",
                "rev-1",
                "eu-west-1",
                "python3.12",
                30,
                "/aws/lambda/orders-api");
    }

    private static VerificationResult result() {
        Instant start = Instant.parse("2026-11-28T10:15:30Z");
        return new VerificationResult(
                "lambda:orders-api:live (eu-west-1)",
                start,
                start.plusSeconds(2),
                List.of(new PhaseResult("public", List.of(), Duration.ofMillis(10))),
                List.of(),
                Termination.COMPLETED,
                null);
    }
}
