package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.tasks.junit.TestResultAction;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class JUnitAttachmentTest {
    private static final String STAGING = """
            <testsuite name="public" tests="2" failures="0" errors="0">
              <testcase classname="lambda-verify.public" name="GET /health -> 200" time="0.04"/>
              <testcase classname="lambda-verify.public" name="GET /docs -> 200" time="0.05"/>
            </testsuite>
            """;
    private static final String PRODUCTION = """
            <testsuite name="public" tests="1" failures="1" errors="0">
              <testcase classname="lambda-verify.prod.public" name="GET /api/v1/providers -> 401|307" time="0.1">
                <failure message="status was 500">status was 500</failure>
              </testcase>
            </testsuite>
            """;

    @Test
    void eachInvocationAddsItsOwnReportToTheBuildsTestResults(JenkinsRule r) throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        job.getBuildersList().add(new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                    throws InterruptedException, IOException {
                FilePath workspace = build.getWorkspace();
                workspace.child("lambda-verify/staging/junit.xml").write(STAGING, "UTF-8");
                VerificationRunner.attachJUnit(
                        "lambda-verify/staging",
                        "lambda:orders-api:staging",
                        build,
                        workspace,
                        launcher,
                        listener,
                        null);
                workspace.child("lambda-verify/production/junit.xml").write(PRODUCTION, "UTF-8");
                VerificationRunner.attachJUnit(
                        "lambda-verify/production",
                        "lambda:orders-api:live",
                        build,
                        workspace,
                        launcher,
                        listener,
                        null);
                return true;
            }
        });

        FreeStyleBuild build = r.buildAndAssertSuccess(job);

        TestResultAction tests = build.getAction(TestResultAction.class);
        assertThat(tests).isNotNull();
        // 3, not 5: the second attachment read only its own file, not the first one again.
        assertThat(tests.getTotalCount()).isEqualTo(3);
        assertThat(tests.getFailCount()).isEqualTo(1);
    }

    @Test
    void aMissingReportIsSaidAndNothingIsAttached(JenkinsRule r) throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        job.getBuildersList().add(new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                    throws InterruptedException, IOException {
                VerificationRunner.attachJUnit(
                        "lambda-verify/none", "none", build, build.getWorkspace(), launcher, listener, null);
                return true;
            }
        });

        FreeStyleBuild build = r.buildAndAssertSuccess(job);

        r.assertLogContains("No JUnit report at lambda-verify/none/junit.xml", build);
        assertThat(build.getAction(TestResultAction.class)).isNull();
    }
}
