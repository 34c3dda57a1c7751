package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.net.URL;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The credentials drop-down and check list or look up nothing for users who cannot configure the job. */
@WithJenkins
class FormPermissionTest {
    private JenkinsRule r;
    private FreeStyleProject job;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        job = r.createFreeStyleProject("deploy");
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new AWSCredentialsImpl(
                        CredentialsScope.GLOBAL, "aws-prod", "AKIAFORMTESTKEY00001", "secret", "production"));
        SystemCredentialsProvider.getInstance().save();
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE, Item.EXTENDED_READ)
                .everywhere()
                .to("dev")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("viewer"));
    }

    @Test
    void configurersSeeTheAwsCredentials() {
        assertThat(values(as("dev", () -> stepDescriptor().doFillCredentialsIdItems(job, ""))))
                .contains("aws-prod");
        assertThat(values(as("dev", () -> recorderDescriptor().doFillCredentialsIdItems(job, ""))))
                .contains("aws-prod");
    }

    @Test
    void viewersGetOnlyTheCurrentValue() {
        assertThat(values(as("viewer", () -> stepDescriptor().doFillCredentialsIdItems(job, "current"))))
                .containsExactly("current");
        assertThat(values(as("viewer", () -> recorderDescriptor().doFillCredentialsIdItems(job, ""))))
                .doesNotContain("aws-prod");
    }

    @Test
    void viewersLearnNothingFromTheCredentialsCheck() {
        FormValidation forViewer = as("viewer", () -> stepDescriptor().doCheckCredentialsId(job, "no-such-id"));
        FormValidation forDev = as("dev", () -> stepDescriptor().doCheckCredentialsId(job, "no-such-id"));

        assertThat(forViewer.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(forDev.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(forDev.getMessage()).contains("no-such-id");
    }

    @Test
    void globalDefaultCredentialsAreListedForAdministratorsOnly() {
        LambdaVerifyGlobalConfiguration global = LambdaVerifyGlobalConfiguration.get();

        assertThat(values(as("admin", () -> global.doFillDefaultCredentialsIdItems(null, ""))))
                .contains("aws-prod");
        assertThat(values(as("dev", () -> global.doFillDefaultCredentialsIdItems(null, ""))))
                .doesNotContain("aws-prod");
    }

    @Test
    void formEndpointsRefuseGet() throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().login("dev");
        wc.setThrowExceptionOnFailingStatusCode(false);

        Page page = wc.goTo(
                job.getUrl() + "descriptorByName/" + VerifyLambdaDeploymentStep.class.getName()
                        + "/fillCredentialsIdItems",
                null);

        // Stapler's @POST cancels the dispatch of a GET, which then ends in 404 (Stapler's DispatcherTest
        // testInterceptorStage asserts the same); what matters is that it is refused and lists nothing.
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
        assertThat(page.getWebResponse().getContentAsString()).doesNotContain("aws-prod");

        Page post = wc.getPage(wc.addCrumb(new WebRequest(
                new URL(
                        r.getURL(),
                        job.getUrl() + "descriptorByName/" + VerifyLambdaDeploymentStep.class.getName()
                                + "/fillCredentialsIdItems"),
                HttpMethod.POST)));
        assertThat(post.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(post.getWebResponse().getContentAsString()).contains("aws-prod");
    }

    private static List<String> values(ListBoxModel model) {
        return model.stream().map(option -> option.value).toList();
    }

    private static VerifyLambdaDeploymentStep.DescriptorImpl stepDescriptor() {
        return Jenkins.get().getDescriptorByType(VerifyLambdaDeploymentStep.DescriptorImpl.class);
    }

    private static LambdaVerifyRecorder.DescriptorImpl recorderDescriptor() {
        return Jenkins.get().getDescriptorByType(LambdaVerifyRecorder.DescriptorImpl.class);
    }

    private static <T> T as(String user, java.util.function.Supplier<T> action) {
        try (ACLContext ignored = ACL.as2(User.getById(user, true).impersonate2())) {
            return action.get();
        }
    }
}
