package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class VerifyLambdaDeploymentStepTest {

    @Test
    void snippetListsTheGivenOptionsInAlphabeticalOrder(JenkinsRule r) {
        VerifyLambdaDeploymentStep step = new VerifyLambdaDeploymentStep();
        step.setConfig("deploy/verify.yaml");
        step.setFunction("orders-api");
        step.setQualifier("live");
        step.setRegion("eu-west-1");
        step.setResultOnFailure("UNSTABLE");
        step.setTimeout(300);

        assertThat(Snippetizer.object2Groovy(step))
                .isEqualTo("verifyLambdaDeployment config: 'deploy/verify.yaml', "
                        + "function: 'orders-api', qualifier: 'live', region: 'eu-west-1', resultOnFailure: 'UNSTABLE', "
                        + "timeout: 300");
    }

    @Test
    void theDefaultResultPolicyIsLeftOutOfSnippets(JenkinsRule r) {
        VerifyLambdaDeploymentStep step = new VerifyLambdaDeploymentStep();
        step.setFunction("orders-api");
        step.setResultOnFailure("FAILURE");

        assertThat(Snippetizer.object2Groovy(step)).isEqualTo("verifyLambdaDeployment function: 'orders-api'");
    }

    @Test
    void stepWithoutOptionsIsTheBareStepName(JenkinsRule r) {
        assertThat(Snippetizer.object2Groovy(new VerifyLambdaDeploymentStep())).isEqualTo("verifyLambdaDeployment");
    }

    @Test
    void everyOptionSurvivesTheRoundTripThroughPipelineArguments(JenkinsRule r) throws Exception {
        VerifyLambdaDeploymentStep step = fullyConfiguredStep();

        StepDescriptor descriptor = r.jenkins.getDescriptorByType(VerifyLambdaDeploymentStep.DescriptorImpl.class);
        VerifyLambdaDeploymentStep back = (VerifyLambdaDeploymentStep)
                descriptor.uninstantiate(step).instantiate(VerifyLambdaDeploymentStep.class);

        r.assertEqualDataBoundBeans(step, back);
        assertThat(back.getPhases()).isEqualTo(step.getPhases());
        assertThat(back.getLogPatterns()).containsExactlyElementsOf(step.getLogPatterns());
    }

    @Test
    void snippetGeneratorFormGivesTheSameSnippetAsTheStep(JenkinsRule r) throws Exception {
        JSONObject form = new JSONObject()
                .element("stapler-class", VerifyLambdaDeploymentStep.class.getName())
                .element("config", "")
                .element("function", "orders-api")
                .element("stack", "")
                .element("logicalId", "")
                .element("qualifier", "live")
                .element("region", "eu-west-1")
                .element("credentialsId", "")
                .element("resultOnFailure", "UNSTABLE")
                .element("mode", "lambda")
                .element("eventFormat", "apigateway-v2")
                .element("endpointUrl", "")
                .element("baseUrl", "")
                .element("rollback", "alias")
                .element("concurrency", "4")
                .element("timeout", "0")
                .element(
                        "logPatterns",
                        new JSONArray()
                                .element(new JSONObject()
                                        .element("regex", "KeyError")
                                        .element("name", "")
                                        .element("threshold", "2")));

        VerifyLambdaDeploymentStep expected = new VerifyLambdaDeploymentStep();
        expected.setFunction("orders-api");
        expected.setQualifier("live");
        expected.setRegion("eu-west-1");
        expected.setResultOnFailure("UNSTABLE");
        expected.setMode("lambda");
        expected.setEventFormat("apigateway-v2");
        expected.setRollback("alias");
        expected.setConcurrency(4);
        LogPattern pattern = new LogPattern("KeyError");
        pattern.setThreshold(2);
        expected.setLogPatterns(List.of(pattern));

        assertThat(generateSnippet(r, form)).isEqualTo(Snippetizer.object2Groovy(expected));
    }

    @Test
    void unknownCredentialsFailTheStepWithOneLine(JenkinsRule r) throws Exception {
        WorkflowRun run = runPipeline(
                r,
                "node { verifyLambdaDeployment function: 'orders-api', "
                        + "region: 'eu-west-1', credentialsId: 'no-such-credentials' }",
                Result.FAILURE);

        r.assertLogContains("AWS credentials 'no-such-credentials' were not found for this build", run);
        r.assertLogNotContains("\tat io.jenkins", run);
    }

    @Test
    void credentialsWithoutKeysOrRoleFailTheStepWithOneLine(JenkinsRule r) throws Exception {
        // aws-credentials resolves an entry without keys and role to null (the controller's own identity).
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new AWSCredentialsImpl(CredentialsScope.GLOBAL, "aws-empty", "", "", "controller identity"));
        SystemCredentialsProvider.getInstance().save();

        WorkflowRun run = runPipeline(
                r,
                "node { verifyLambdaDeployment function: 'orders-api', region: 'eu-west-1', credentialsId: 'aws-empty' }",
                Result.FAILURE);

        r.assertLogContains("AWS credentials 'aws-empty' have no access key and no role to assume", run);
        r.assertLogNotContains("NullPointerException", run);
        r.assertLogNotContains("\tat io.jenkins", run);
    }

    @Test
    void invalidResultPolicyIsNamedInTheMessage(JenkinsRule r) throws Exception {
        WorkflowRun run = runPipeline(
                r,
                "node { verifyLambdaDeployment function: 'orders-api', " + "resultOnFailure: 'BROKEN' }",
                Result.FAILURE);

        r.assertLogContains("resultOnFailure 'BROKEN' is not one of FAILURE, UNSTABLE, SUCCESS", run);
    }

    @Test
    void invalidModeIsNamedInTheMessage(JenkinsRule r) throws Exception {
        WorkflowRun run =
                runPipeline(r, "node { verifyLambdaDeployment function: 'orders-api', mode: 'ftp' }", Result.FAILURE);

        r.assertLogContains("mode 'ftp' is not one of lambda, http, local", run);
    }

    @Test
    void stepRunsOnlyInsideANode(JenkinsRule r) throws Exception {
        WorkflowRun run = runPipeline(r, "verifyLambdaDeployment function: 'orders-api'", Result.FAILURE);

        r.assertLogContains("Perhaps you forgot to surround the verifyLambdaDeployment step", run);
        assertThat(run.getAction(LambdaVerifyBuildAction.class)).isNull();
    }

    static VerifyLambdaDeploymentStep fullyConfiguredStep() {
        VerifyLambdaDeploymentStep step = new VerifyLambdaDeploymentStep();
        step.setConfig("deploy/verify.yaml");
        step.setFunction("orders-api");
        step.setStack("orders");
        step.setLogicalId("ApiFunction");
        step.setQualifier("live");
        step.setRegion("eu-west-1");
        step.setCredentialsId("aws-prod");
        step.setEndpointUrl("http://127.0.0.1:4566");
        step.setBaseUrl("https://api.example.com/prod");
        step.setMode("lambda");
        step.setEventFormat("apigateway-v1");
        step.setRollback("alias");
        step.setResultOnFailure("UNSTABLE");
        step.setConcurrency(4);
        step.setTimeout(120);
        LogPattern pattern = new LogPattern("ModuleNotFoundError");
        pattern.setName("imports");
        pattern.setThreshold(0);
        step.setLogPatterns(List.of(pattern, new LogPattern("Task timed out")));
        step.setPhases(List.of(Map.of("name", "public", "checks", List.of(Map.of("GET /health", 200L)))));
        return step;
    }

    private static String generateSnippet(JenkinsRule r, JSONObject form) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient();
        WebRequest request = new WebRequest(new URL(r.getURL(), Snippetizer.GENERATE_URL), HttpMethod.POST);
        List<NameValuePair> parameters = new ArrayList<>();
        parameters.add(new NameValuePair("json", form.toString()));
        request.setRequestParameters(parameters);
        return wc.getPage(wc.addCrumb(request))
                .getWebResponse()
                .getContentAsString()
                .trim();
    }

    private static WorkflowRun runPipeline(JenkinsRule r, String script, Result expected) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return r.buildAndAssertStatus(expected, job);
    }
}
