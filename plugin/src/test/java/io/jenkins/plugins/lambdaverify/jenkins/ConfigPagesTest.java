package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import org.htmlunit.WebClientUtil;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The forms render as a user sees them: a view that cannot be compiled (e.g. a {@code ${%text (with) parentheses}})
 * turns these pages into errors, and a title left as a bare key would show the key.
 */
@WithJenkins
class ConfigPagesTest {
    @Test
    void snippetGeneratorRendersTheStepForm(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        JenkinsRule.WebClient wc = r.createWebClient();
        HtmlPage page = wc.getPage(job, Snippetizer.ACTION_URL);
        HtmlSelect steps = page.querySelector("select.dropdownList");
        HtmlOption step = steps.getOptionByText("verifyLambdaDeployment: " + Texts.get("Step.displayName"));

        // Choosing the step renders its config.jelly on demand, as in a browser.
        HtmlPage rendered = (HtmlPage) steps.setSelectedAttribute(step, true);
        WebClientUtil.waitForJSExec(wc);

        assertThat(rendered.asXml())
                .contains("Base URL (http mode)")
                .contains("Timeout (seconds)")
                .contains("Concurrent checks")
                .doesNotContain("baseUrlTitle");
    }

    @Test
    void freestyleConfigurePageRendersThePublisher(JenkinsRule r) throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        LambdaVerifyRecorder recorder = new LambdaVerifyRecorder();
        recorder.setFunction("orders-api");
        job.getPublishersList().add(recorder);

        HtmlPage page = r.createWebClient().getPage(job, "configure");

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(page.asXml())
                .contains(Texts.get("Recorder.displayName"))
                .contains("Base URL (http mode)")
                .contains("Timeout (seconds)")
                .doesNotContain("timeoutTitle");
    }
}
