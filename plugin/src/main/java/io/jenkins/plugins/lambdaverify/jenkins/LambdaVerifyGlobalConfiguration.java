package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.model.Item;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.lambdaverify.run.InvocationPermits;
import java.io.IOException;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults for every verification on this controller (JCasC: {@code unclassified: lambdaVerify: ...}).
 */
@Extension
@Symbol("lambdaVerify")
public class LambdaVerifyGlobalConfiguration extends GlobalConfiguration {
    /** Default cap on invocations in flight across all builds (AWS Lambda's default burst quotas are far higher). */
    public static final int DEFAULT_MAX_CONCURRENT_INVOCATIONS = 32;

    /** The controller's one pool of invocation permits, shared by every build; sized by this configuration. */
    private static final InvocationPermits PERMITS = new InvocationPermits(DEFAULT_MAX_CONCURRENT_INVOCATIONS);

    private String defaultRegion;
    private String defaultCredentialsId;
    private int maxConcurrentInvocations = DEFAULT_MAX_CONCURRENT_INVOCATIONS;
    private boolean allowAgentIdentity = true;

    public LambdaVerifyGlobalConfiguration() {
        load();
        PERMITS.resize(maxConcurrentInvocations);
    }

    public static LambdaVerifyGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(LambdaVerifyGlobalConfiguration.class);
    }

    /** The invocation permits of this controller, capped at {@link #getMaxConcurrentInvocations()}. */
    static InvocationPermits permits() {
        return PERMITS;
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Texts.get("GlobalConfiguration.displayName");
    }

    /**
     * One submit of the form saves once: the setters save on their own (JCasC and scripts call them one by one), so
     * the form's binding runs as one bulk change.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        try (BulkChange change = new BulkChange(this)) {
            req.bindJSON(this, json);
            change.commit();
        } catch (IOException e) {
            throw new FormException(e.getMessage(), e, "defaultRegion");
        }
        return true;
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
        PERMITS.resize(this.maxConcurrentInvocations);
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
