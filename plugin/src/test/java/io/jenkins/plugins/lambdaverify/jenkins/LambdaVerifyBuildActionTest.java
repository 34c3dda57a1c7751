package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import java.io.File;
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
            LambdaVerifyReport report =
                    build.getAction(LambdaVerifyBuildAction.class).getResult();

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
            assertThat(LambdaVerifyBuildAction.uniqueId(build, "publisher")).isEqualTo("publisher");

            LambdaVerifyBuildAction.record(build, Summaries.passed("publisher", 1, 10, 0));
            LambdaVerifyBuildAction.record(build, Summaries.passed("publisher-2", 1, 10, 0));

            assertThat(LambdaVerifyBuildAction.uniqueId(build, "publisher")).isEqualTo("publisher-3");
        });
    }
}
