package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.model.Saveable;
import hudson.model.listeners.SaveableListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.lambdaverify.run.InvocationPermits;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class LambdaVerifyGlobalConfigurationTest {
    @Test
    void settingsSurviveTheConfigurationPage(JenkinsRule r) throws Exception {
        LambdaVerifyGlobalConfiguration global = LambdaVerifyGlobalConfiguration.get();
        global.setDefaultRegion("eu-west-1");
        global.setDefaultCredentialsId("aws-prod");
        global.setMaxConcurrentInvocations(12);
        global.setAllowAgentIdentity(false);

        r.configRoundtrip();

        assertThat(global.getDefaultRegion()).isEqualTo("eu-west-1");
        assertThat(global.getDefaultCredentialsId()).isEqualTo("aws-prod");
        assertThat(global.getMaxConcurrentInvocations()).isEqualTo(12);
        assertThat(global.isAllowAgentIdentity()).isFalse();
    }

    @Test
    void oneSubmitOfTheFormSavesOnce(JenkinsRule r) throws Exception {
        LambdaVerifyGlobalConfiguration global = LambdaVerifyGlobalConfiguration.get();
        global.setDefaultRegion("eu-west-1");
        global.setMaxConcurrentInvocations(12);
        SaveCounter saves = ExtensionList.lookupSingleton(SaveCounter.class);
        saves.count.set(0);

        r.configRoundtrip();

        assertThat(saves.count.get()).isEqualTo(1);
        assertThat(new LambdaVerifyGlobalConfiguration().getMaxConcurrentInvocations())
                .isEqualTo(12);
    }

    /** Counts the saves of the global configuration. */
    @TestExtension("oneSubmitOfTheFormSavesOnce")
    public static final class SaveCounter extends SaveableListener {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void onChange(Saveable o, XmlFile file) {
            if (o instanceof LambdaVerifyGlobalConfiguration) {
                count.incrementAndGet();
            }
        }
    }

    @Test
    void settingsArePersisted(JenkinsRule r) {
        LambdaVerifyGlobalConfiguration global = LambdaVerifyGlobalConfiguration.get();
        global.setDefaultRegion("ap-southeast-2");
        global.setMaxConcurrentInvocations(5);

        LambdaVerifyGlobalConfiguration reloaded = new LambdaVerifyGlobalConfiguration();

        assertThat(reloaded.getDefaultRegion()).isEqualTo("ap-southeast-2");
        assertThat(reloaded.getMaxConcurrentInvocations()).isEqualTo(5);
    }

    @Test
    void theCapAppliesToRunningVerifications(JenkinsRule r) throws InterruptedException {
        LambdaVerifyGlobalConfiguration.get().setMaxConcurrentInvocations(3);
        InvocationPermits permits = LambdaVerifyGlobalConfiguration.permits();

        int granted = permits.acquire(8);
        try {
            assertThat(granted).isEqualTo(3);
        } finally {
            permits.release(granted);
        }
    }

    @Test
    void nonPositiveCapFallsBackToTheDefault(JenkinsRule r) {
        LambdaVerifyGlobalConfiguration global = LambdaVerifyGlobalConfiguration.get();
        global.setMaxConcurrentInvocations(0);

        assertThat(global.getMaxConcurrentInvocations())
                .isEqualTo(LambdaVerifyGlobalConfiguration.DEFAULT_MAX_CONCURRENT_INVOCATIONS);
        assertThat(global.doCheckMaxConcurrentInvocations("0").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(global.doCheckMaxConcurrentInvocations("16").kind).isEqualTo(FormValidation.Kind.OK);
    }
}
