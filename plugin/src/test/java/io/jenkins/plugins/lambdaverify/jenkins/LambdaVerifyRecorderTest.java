package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import java.util.List;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class LambdaVerifyRecorderTest {
    @Test
    void optionsSurviveTheJobConfigurationPage(JenkinsRule r) throws Exception {
        LambdaVerifyRecorder recorder = new LambdaVerifyRecorder();
        recorder.setConfig("deploy/verify.yaml");
        recorder.setStack("orders");
        recorder.setLogicalId("ApiFunction");
        recorder.setQualifier("live");
        recorder.setRegion("eu-west-1");
        recorder.setMode("lambda");
        recorder.setEventFormat("apigateway-v2");
        recorder.setRollback("alias");
        recorder.setResultOnFailure("UNSTABLE");
        recorder.setConcurrency(4);
        recorder.setTimeout(120);
        LogPattern pattern = new LogPattern("ModuleNotFoundError");
        pattern.setName("imports");
        pattern.setThreshold(1);
        recorder.setLogPatterns(List.of(pattern));

        LambdaVerifyRecorder after = r.configRoundtrip(recorder);

        r.assertEqualDataBoundBeans(recorder, after);
        assertThat(after.getLogPatterns()).containsExactly(pattern);
    }

    @Test
    void sharedOptionsShowTheStepsHelp(JenkinsRule r) throws Exception {
        LambdaVerifyRecorder.DescriptorImpl recorder =
                r.jenkins.getDescriptorByType(LambdaVerifyRecorder.DescriptorImpl.class);
        String step = r.jenkins
                .getDescriptorByType(VerifyLambdaDeploymentStep.DescriptorImpl.class)
                .getId();
        for (String field : LambdaVerifyRecorder.DescriptorImpl.SHARED_FIELDS) {
            // getHelpFile needs a request: the form calls it while rendering
            assertThat(r.executeOnServer(() -> recorder.getHelpFile(field)))
                    .as(field)
                    .isEqualTo("/descriptor/" + step + "/help/" + field);
        }
        String region = r.createWebClient()
                .goTo("descriptor/" + step + "/help/region", null)
                .getWebResponse()
                .getContentAsString();
        assertThat(region).contains("The AWS region");
    }

    @Test
    void inlinePhasesArePipelineOnly(JenkinsRule r) {
        // The job form has no field for phases: a setter would let a form submit wipe phases set by Job DSL or REST.
        assertThat(DescribableModel.of(LambdaVerifyRecorder.class).getParameter("phases"))
                .isNull();
        assertThat(DescribableModel.of(VerifyLambdaDeploymentStep.class).getParameter("phases"))
                .isNotNull();
    }

    @Test
    void runsOnABuildThatHasAlreadyFailed(JenkinsRule r) throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        job.getBuildersList().add(new FailureBuilder());
        LambdaVerifyRecorder recorder = new LambdaVerifyRecorder();
        recorder.setFunction("orders-api");
        recorder.setResultOnFailure("SUCCESS");
        job.getPublishersList().add(recorder);

        FreeStyleBuild build = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("The build is already FAILURE; verifying anyway", build);
    }

    @Test
    void freestyleFieldsExpandBuildVariables(JenkinsRule r) throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        LambdaVerifyRecorder recorder = new LambdaVerifyRecorder();
        recorder.setFunction("orders-api");
        recorder.setCredentialsId("aws-${JOB_NAME}");
        job.getPublishersList().add(recorder);

        FreeStyleBuild build = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("AWS credentials 'aws-" + job.getName() + "' were not found", build);
    }

    @Test
    void usableFromPipelineThroughItsSymbol(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(
                "node { lambdaVerifyPublisher function: 'orders-api', credentialsId: 'missing' }", true));

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("AWS credentials 'missing' were not found", run);
    }
}
