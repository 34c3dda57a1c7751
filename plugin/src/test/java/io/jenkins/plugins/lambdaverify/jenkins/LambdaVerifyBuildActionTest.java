package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.tasks.junit.TestResultAction;
import io.jenkins.plugins.lambdaverify.summary.BuildSummary;
import io.jenkins.plugins.lambdaverify.summary.VerificationSummary;
import java.io.File;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

class LambdaVerifyBuildActionTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void verificationsOfABuildSurviveARestart() throws Throwable {
        sessions.then(r -> {
            FreeStyleProject job = r.createFreeStyleProject("orders");
            FreeStyleBuild build = r.buildAndAssertSuccess(job);
            LambdaVerifyBuildAction.record(build, Summaries.passed("staging", 5, 120, 1));
            LambdaVerifyBuildAction.record(build, Summaries.failedAndRolledBack("production"));
            build.save();

            assertThat(new File(build.getRootDir(), LambdaVerifyBuildAction.FILE_NAME))
                    .isFile();
            assertThat(build.getActions(LambdaVerifyBuildAction.class)).hasSize(1);
        });
        sessions.then(r -> {
            FreeStyleBuild build = r.jenkins
                    .getItemByFullName("orders", FreeStyleProject.class)
                    .getBuildByNumber(1);
            BuildSummary report = build.getAction(LambdaVerifyBuildAction.class).getResult();

            assertThat(report.getVerifications())
                    .extracting(VerificationSummary::getId)
                    .containsExactly("staging", "production");
            VerificationSummary production = report.getVerifications().get(1);
            assertThat(production.getProblems().get(0).getLogLines())
                    .containsExactly("ModuleNotFoundError: No module named 'src.api.v1.providers'");
            assertThat(production.getFindings().get(0).getCount()).isEqualTo(31);
            assertThat(production.isRolledBack()).isTrue();
            assertThat(report.getRollbacks()).isEqualTo(1);
            assertThat(report.getP95LatencyMillis()).isEqualTo(900);
        });
    }

    @Test
    void idsStayUniqueWithinABuild() throws Throwable {
        sessions.then(r -> {
            FreeStyleBuild build = r.buildAndAssertSuccess(r.createFreeStyleProject());
            assertThat(LambdaVerifyBuildAction.reserveId(build, "publisher")).isEqualTo("publisher");
            // a second verification starting before the first is recorded (parallel branches)
            assertThat(LambdaVerifyBuildAction.reserveId(build, "publisher")).isEqualTo("publisher-2");

            LambdaVerifyBuildAction.record(build, Summaries.passed("publisher", 1, 10, 0));
            LambdaVerifyBuildAction.record(build, Summaries.passed("publisher-2", 1, 10, 0));

            assertThat(LambdaVerifyBuildAction.reserveId(build, "publisher")).isEqualTo("publisher-3");
            assertThat(LambdaVerifyBuildAction.reserveId(build, "7")).isEqualTo("7");
        });
    }

    @Test
    void aPipelineVerificationSurvivesARestart() throws Throwable {
        try (LambdaApi lambda = new LambdaApi()) {
            lambda.answer(500);
            sessions.then(r -> {
                WorkflowJob job = r.createProject(WorkflowJob.class, "deploy");
                job.setDefinition(new CpsFlowDefinition(
                        "node {\n"
                                + "  withEnv(['AWS_ACCESS_KEY_ID=AKIARESTARTTEST00001', "
                                + "'AWS_SECRET_ACCESS_KEY=restartSecretForTestsOnly']) {\n"
                                + "    verifyLambdaDeployment function: '" + LambdaApi.FUNCTION + "', region: "
                                + "'eu-west-1', endpointUrl: '" + lambda.url() + "', resultOnFailure: 'UNSTABLE', "
                                + "phases: [[name: 'public', checks: [['GET /health': 200]]]]\n"
                                + "  }\n"
                                + "}",
                        true));
                r.buildAndAssertStatus(hudson.model.Result.UNSTABLE, job);
            });
            sessions.then(r -> {
                WorkflowRun run =
                        r.jenkins.getItemByFullName("deploy", WorkflowJob.class).getBuildByNumber(1);
                VerificationSummary summary = run.getAction(LambdaVerifyBuildAction.class)
                        .getResult()
                        .getVerifications()
                        .get(0);

                assertThat(summary.getFailed()).isEqualTo(1);
                assertThat(summary.getProblems().get(0).getFailures())
                        .anySatisfy(f -> assertThat(f).contains("expected status 200 but was 500"));
                assertThat(summary.getBuildResult()).isEqualTo("UNSTABLE");
                assertThat(run.getAction(TestResultAction.class).getFailCount()).isEqualTo(1);
            });
        }
    }
}
