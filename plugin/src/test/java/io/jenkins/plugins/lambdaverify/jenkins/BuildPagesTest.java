package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The views render the recorded data: build summary, the action's page, and the job page with its charts. */
@WithJenkins
class BuildPagesTest {
    @Test
    void actionPageShowsTheEvidenceOfAFailedCheck(JenkinsRule r) throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        FreeStyleBuild build = r.buildAndAssertSuccess(job);
        LambdaVerifyBuildAction.record(build, Summaries.failedAndRolledBack("publisher"));

        JenkinsRule.WebClient wc = r.createWebClient();
        String page = wc.getPage(build, "lambda-verify/").asNormalizedText();

        assertThat(page)
                .contains("lambda:orders-api:live")
                .contains("GET /api/v1/providers -> 401|307")
                .contains("status was 500")
                .contains("Internal Server Error")
                .contains("ModuleNotFoundError: No module named 'src.api.v1.providers'")
                .contains("live moved back to 41")
                .contains("lambda-verify/publisher/junit.xml")
                // headings with parentheses come from index.properties, whole
                .contains("Duration (ms)", "Latency (ms)", "Response (masked)");
    }

    @Test
    void buildPageSummarizesEachVerification(JenkinsRule r) throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        FreeStyleBuild build = r.buildAndAssertSuccess(job);
        LambdaVerifyBuildAction.record(build, Summaries.passed("staging", 5, 120, 1));
        LambdaVerifyBuildAction.record(build, Summaries.failedAndRolledBack("production"));

        String page = r.createWebClient().getPage(build).asNormalizedText();

        assertThat(page).contains("all 5 checks passed").contains("1 failed, 1 errors, 1 failing log findings");
    }

    @Test
    void jobPageRendersWithBothCharts(JenkinsRule r) throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        LambdaVerifyBuildAction.record(r.buildAndAssertSuccess(job), Summaries.passed("publisher", 5, 120, 1));
        LambdaVerifyBuildAction.record(r.buildAndAssertSuccess(job), Summaries.failedAndRolledBack("publisher"));

        HtmlPage page = r.createWebClient().getPage(job);

        assertThat(page.asNormalizedText())
                .contains("Lambda verification trend")
                .contains("Lambda latency (p95, ms) and cold starts");
    }
}
