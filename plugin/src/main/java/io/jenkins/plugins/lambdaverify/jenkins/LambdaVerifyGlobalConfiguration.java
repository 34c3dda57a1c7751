package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.model.Item;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults for every verification on this controller (JCasC: {@code unclassified: lambdaVerify: ...}).
 */
@Extension
@Symbol("lambdaVerify")
public class LambdaVerifyGlobalConfiguration extends GlobalConfiguration {
    public static final int DEFAULT_MAX_CONCURRENT_INVOCATIONS = InvocationPermits.DEFAULT_CAPACITY;

    private String defaultRegion;
    private String defaultCredentialsId;
    private int maxConcurrentInvocations = DEFAULT_MAX_CONCURRENT_INVOCATIONS;
    private boolean allowAgentIdentity = true;

    public LambdaVerifyGlobalConfiguration() {
        load();
        InvocationPermits.get().resize(maxConcurrentInvocations);
    }

    public static LambdaVerifyGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(LambdaVerifyGlobalConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Texts.get("GlobalConfiguration.displayName");
    }

    @CheckForNull
    public String getDefaultRegion() {
        return defaultRegion;
    }

    @DataBoundSetter
    public void setDefaultRegion(String defaultRegion) {
        this.defaultRegion = Util.fixEmptyAndTrim(defaultRegion);
        save();
    }

    @CheckForNull
    public String getDefaultCredentialsId() {
        return defaultCredentialsId;
    }

    @DataBoundSetter
    public void setDefaultCredentialsId(String defaultCredentialsId) {
        this.defaultCredentialsId = Util.fixEmptyAndTrim(defaultCredentialsId);
        save();
    }

    /** Invocations in flight at once across all builds of this controller. */
    public int getMaxConcurrentInvocations() {
        return maxConcurrentInvocations;
    }

    @DataBoundSetter
    public void setMaxConcurrentInvocations(int maxConcurrentInvocations) {
        this.maxConcurrentInvocations =
                maxConcurrentInvocations > 0 ? maxConcurrentInvocations : DEFAULT_MAX_CONCURRENT_INVOCATIONS;
        InvocationPermits.get().resize(this.maxConcurrentInvocations);
        save();
    }

    /**
     * Whether a verification without credentials on a remote agent may use the agent's own identity (instance
     * profile, its ~/.aws). Never applies on the built-in node: that would hand jobs the controller's identity.
     */
    public boolean isAllowAgentIdentity() {
        return allowAgentIdentity;
    }

    @DataBoundSetter
    public void setAllowAgentIdentity(boolean allowAgentIdentity) {
        this.allowAgentIdentity = allowAgentIdentity;
        save();
    }

    @POST
    public ComboBoxModel doFillDefaultRegionItems() {
        return new ComboBoxModel(FormSupport.REGIONS);
    }

    @POST
    public FormValidation doCheckDefaultRegion(@QueryParameter String value) {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER) ? FormSupport.checkRegion(value) : FormValidation.ok();
    }

    @POST
    public ListBoxModel doFillDefaultCredentialsIdItems(
            @AncestorInPath Item item, @QueryParameter String defaultCredentialsId) {
        return FormSupport.credentialsItems(item, defaultCredentialsId);
    }

    @POST
    public FormValidation doCheckDefaultCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
        return FormSupport.checkCredentialsId(item, value);
    }

    @POST
    public FormValidation doCheckMaxConcurrentInvocations(@QueryParameter String value) {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                ? FormSupport.checkPositiveInteger(value)
                : FormValidation.ok();
    }
}
