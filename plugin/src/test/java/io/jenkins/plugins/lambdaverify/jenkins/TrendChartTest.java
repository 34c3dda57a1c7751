package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.lambdaverify.summary.BuildSummary;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class TrendChartTest {
    @Test
    void jobShowsOutcomeAndLatencyTrendsOnceTwoBuildsVerified(JenkinsRule r) throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        FreeStyleBuild first = r.buildAndAssertSuccess(job);
        LambdaVerifyBuildAction.record(first, Summaries.passed("publisher", 5, 120, 1));
        LambdaVerifyJobAction outcomes = new LambdaVerifyJobAction(job);
        assertThat(outcomes.isTrendVisible()).isFalse();

        FreeStyleBuild second = r.buildAndAssertSuccess(job);
        LambdaVerifyBuildAction.record(second, Summaries.failedAndRolledBack("publisher"));

        assertThat(outcomes.isTrendVisible()).isTrue();
        String model = outcomes.getBuildTrendModel();
        assertThat(model).contains("\"Passed\"", "\"Failed\"", "\"Errors\"", "\"Log findings\"", "\"Rollbacks\"");
        String latency = new LambdaVerifyLatencyJobAction(job).getBuildTrendModel();
        assertThat(latency)
                .contains("p95 latency (ms)", "Cold starts")
                .contains("900")
                .contains("120");
    }

    @Test
    void jobActionsAppearOnceWhenTheLastSuccessfulBuildVerified(JenkinsRule r) throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        FreeStyleBuild build = r.buildAndAssertSuccess(job);
        LambdaVerifyBuildAction.record(build, Summaries.passed("publisher", 3, 50, 0));

        assertThat(job.getActions(LambdaVerifyJobAction.class)).hasSize(1);
        assertThat(job.getActions(LambdaVerifyLatencyJobAction.class)).hasSize(1);
    }

    @Test
    void aJobWhoseVerifyingBuildsAllFailedShowsTheCharts(JenkinsRule r) throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        r.buildAndAssertSuccess(job); // the last successful build never verified
        job.getBuildersList().add(new FailureBuilder());
        LambdaVerifyBuildAction.record(
                r.buildAndAssertStatus(Result.FAILURE, job), Summaries.failedAndRolledBack("publisher"));
        LambdaVerifyBuildAction.record(
                r.buildAndAssertStatus(Result.FAILURE, job), Summaries.failedAndRolledBack("publisher"));

        LambdaVerifyJobAction outcomes = job.getAction(LambdaVerifyJobAction.class);
        assertThat(outcomes).isNotNull();
        assertThat(outcomes.isTrendVisible()).isTrue();
        assertThat(outcomes.getBuildTrendModel()).contains("\"Failed\"");
        // the captions are rendered on the server: no need for echarts' scripts to run in HtmlUnit
        HtmlPage page = r.createWebClient().withJavaScriptEnabled(false).getPage(job);
        assertThat(page.asNormalizedText())
                .contains("Lambda verification trend")
                .contains("Lambda latency (p95, ms) and cold starts");
    }

    @Test
    void aJobThatNeverVerifiedHasNoCharts(JenkinsRule r) throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        r.buildAndAssertSuccess(job);

        assertThat(job.getAction(LambdaVerifyJobAction.class)).isNull();
        assertThat(job.getAction(LambdaVerifyLatencyJobAction.class)).isNull();
    }

    @Test
    void seriesCountOutcomesPerBuild() {
        BuildSummary report = new BuildSummary(
                java.util.List.of(Summaries.passed("a", 4, 100, 1), Summaries.failedAndRolledBack("b")));

        assertThat(OutcomeSeriesBuilder.series(report))
                .containsEntry(OutcomeSeriesBuilder.PASSED, 5)
                .containsEntry(OutcomeSeriesBuilder.FAILED, 1)
                .containsEntry(OutcomeSeriesBuilder.ERRORS, 1)
                .containsEntry(OutcomeSeriesBuilder.FINDINGS, 1)
                .containsEntry(OutcomeSeriesBuilder.ROLLBACKS, 1);
        assertThat(LatencySeriesBuilder.series(report))
                .containsEntry(LatencySeriesBuilder.P95, 900)
                .containsEntry(LatencySeriesBuilder.COLD_STARTS, 3);
    }
}
