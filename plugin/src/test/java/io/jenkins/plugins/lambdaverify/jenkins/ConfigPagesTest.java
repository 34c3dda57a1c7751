package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import java.util.Map;
import org.htmlunit.WebClientUtil;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.jenkinsci.plugins.structs.describable.ArrayType;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.ErrorType;
import org.jenkinsci.plugins.structs.describable.HeterogeneousObjectType;
import org.jenkinsci.plugins.structs.describable.ParameterType;
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
    void pipelineSyntaxReferenceDescribesEveryParameter(JenkinsRule r) throws Exception {
        // structs describes phases (a list of maps in the config file's shape) as a list of Maps, with no
        // Describable listed as what an entry may be (List<Object> would list every Describable in Jenkins)
        ParameterType phases = DescribableModel.of(VerifyLambdaDeploymentStep.class)
                .getParameter("phases")
                .getType();
        assertThat(phases).isInstanceOf(ArrayType.class).isNotInstanceOf(ErrorType.class);
        assertThat(((ArrayType) phases).getElementType())
                .isInstanceOfSatisfying(HeterogeneousObjectType.class, element -> {
                    assertThat(element.getType()).isEqualTo(Map.class);
                    assertThat(element.getTypes()).isEmpty();
                });

        String reference = r.createWebClient()
                .goTo(Snippetizer.ACTION_URL + "/html")
                .getWebResponse()
                .getContentAsString();

        // the step's own section: from its title to the next step's
        int start = reference.indexOf("<code>verifyLambdaDeployment</code>");
        assertThat(start).as("the step is in the reference").isNotNegative();
        int end = reference.indexOf("step-title", start);
        String section = reference.substring(start, end < 0 ? reference.length() : end);
        assertThat(section).contains("phases").contains("concurrency").doesNotContain("do not know how to categorize");
        // the step's own parameters only; every Describable nested under phases would be hundreds of kB
        assertThat(section.length()).as("size of the step's reference section").isLessThan(50_000);
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
