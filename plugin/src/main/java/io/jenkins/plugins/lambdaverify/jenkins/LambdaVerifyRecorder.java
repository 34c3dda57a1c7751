package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle post-build action (also usable from Pipeline through {@code step}), with the same options and
 * implementation as {@link VerifyLambdaDeploymentStep}. Jenkins runs publishers whatever the build result, and this
 * one never skips a failed build: a verification (and its rollback) matter most after a failed deploy step.
 */
public class LambdaVerifyRecorder extends Recorder implements SimpleBuildStep, VerificationOptions {
    private String config;
    private String function;
    private String stack;
    private String logicalId;
    private String qualifier;
    private String region;
    private String credentialsId;
    private String endpointUrl;
    private String baseUrl;
    private String mode;
    private String eventFormat;
    private String rollback;
    private String resultOnFailure;
    private List<LogPattern> logPatterns;
    private int concurrency;
    private int timeout;

    @DataBoundConstructor
    public LambdaVerifyRecorder() {
        // every option is optional
    }

    @Override
    @CheckForNull
    public String getConfig() {
        return config;
    }

    @DataBoundSetter
    public void setConfig(String config) {
        this.config = Util.fixEmptyAndTrim(config);
    }

    @Override
    @CheckForNull
    public String getFunction() {
        return function;
    }

    @DataBoundSetter
    public void setFunction(String function) {
        this.function = Util.fixEmptyAndTrim(function);
    }

    @Override
    @CheckForNull
    public String getStack() {
        return stack;
    }

    @DataBoundSetter
    public void setStack(String stack) {
        this.stack = Util.fixEmptyAndTrim(stack);
    }

    @Override
    @CheckForNull
    public String getLogicalId() {
        return logicalId;
    }

    @DataBoundSetter
    public void setLogicalId(String logicalId) {
        this.logicalId = Util.fixEmptyAndTrim(logicalId);
    }

    @Override
    @CheckForNull
    public String getQualifier() {
        return qualifier;
    }

    @DataBoundSetter
    public void setQualifier(String qualifier) {
        this.qualifier = Util.fixEmptyAndTrim(qualifier);
    }

    @Override
    @CheckForNull
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Util.fixEmptyAndTrim(region);
    }

    @Override
    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    @Override
    @CheckForNull
    public String getEndpointUrl() {
        return endpointUrl;
    }

    @DataBoundSetter
    public void setEndpointUrl(String endpointUrl) {
        this.endpointUrl = Util.fixEmptyAndTrim(endpointUrl);
    }

    @Override
    @CheckForNull
    public String getBaseUrl() {
        return baseUrl;
    }

    @DataBoundSetter
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = Util.fixEmptyAndTrim(baseUrl);
    }

    @Override
    @CheckForNull
    public String getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = Util.fixEmptyAndTrim(mode);
    }

    @Override
    @CheckForNull
    public String getEventFormat() {
        return eventFormat;
    }

    @DataBoundSetter
    public void setEventFormat(String eventFormat) {
        this.eventFormat = Util.fixEmptyAndTrim(eventFormat);
    }

    @Override
    @CheckForNull
    public String getRollback() {
        return rollback;
    }

    @DataBoundSetter
    public void setRollback(String rollback) {
        this.rollback = Util.fixEmptyAndTrim(rollback);
    }

    @Override
    @CheckForNull
    public String getResultOnFailure() {
        return resultOnFailure;
    }

    /** FAILURE, UNSTABLE or SUCCESS; FAILURE (the default) is kept as unset, so snippets stay short. */
    @DataBoundSetter
    public void setResultOnFailure(String resultOnFailure) {
        String value = Util.fixEmptyAndTrim(resultOnFailure);
        this.resultOnFailure = ResultPolicy.FAILURE.name().equalsIgnoreCase(value) ? null : value;
    }

    /**
     * None: inline phases are for Pipeline ({@code verifyLambdaDeployment}). The job form has no field for them, so a
     * setter here would let a form submit wipe phases set through Job DSL or REST; freestyle uses a config file.
     */
    @Override
    public List<Map<String, Object>> getPhases() {
        return List.of();
    }

    @Override
    public List<LogPattern> getLogPatterns() {
        return logPatterns == null ? List.of() : Collections.unmodifiableList(logPatterns);
    }

    @DataBoundSetter
    public void setLogPatterns(List<LogPattern> logPatterns) {
        this.logPatterns = logPatterns == null || logPatterns.isEmpty() ? null : new ArrayList<>(logPatterns);
    }

    @Override
    public int getConcurrency() {
        return concurrency;
    }

    @DataBoundSetter
    public void setConcurrency(int concurrency) {
        this.concurrency = Math.max(0, concurrency);
    }

    @Override
    public int getTimeout() {
        return timeout;
    }

    /** Deadline of the whole run, in seconds (0: as the config file says). */
    @DataBoundSetter
    public void setTimeout(int timeout) {
        this.timeout = Math.max(0, timeout);
    }

    @Override
    public void perform(
            @NonNull Run<?, ?> run,
            @NonNull FilePath workspace,
            @NonNull EnvVars env,
            @NonNull Launcher launcher,
            @NonNull TaskListener listener)
            throws IOException, InterruptedException {
        VerificationRunner.perform(
                this,
                LambdaVerifyBuildAction.reserveId(run, "publisher"),
                run,
                workspace,
                env,
                launcher,
                listener,
                null);
    }

    /** Runs before the build is finalized, so that it can still set the build result. */
    @Override
    public boolean needsToRunAfterFinalized() {
        return false;
    }

    /** No dependency on earlier builds; the controller-wide cap bounds concurrent invocations. */
    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Extension
    @Symbol("lambdaVerifyPublisher")
    public static final class DescriptorImpl extends BuildStepDescriptor<Publisher> {
        /** The options the step shares: their help is the step's help files, not copies of them. */
        static final List<String> SHARED_FIELDS = List.of(
                "baseUrl",
                "concurrency",
                "config",
                "credentialsId",
                "endpointUrl",
                "eventFormat",
                "function",
                "logPatterns",
                "logicalId",
                "mode",
                "qualifier",
                "region",
                "resultOnFailure",
                "rollback",
                "stack",
                "timeout");

        public DescriptorImpl() {
            SHARED_FIELDS.forEach(field -> addHelpFileRedirect(field, VerifyLambdaDeploymentStep.class, field));
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Texts.get("Recorder.displayName");
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return FormSupport.credentialsItems(item, credentialsId);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.checkCredentialsId(item, value);
        }

        @POST
        public ComboBoxModel doFillRegionItems() {
            return new ComboBoxModel(FormSupport.REGIONS);
        }

        @POST
        public FormValidation doCheckRegion(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.canConfigure(item) ? FormSupport.checkRegion(value) : FormValidation.ok();
        }

        @POST
        public ListBoxModel doFillModeItems() {
            return FormSupport.modeItems();
        }

        @POST
        public ListBoxModel doFillEventFormatItems() {
            return FormSupport.eventFormatItems();
        }

        @POST
        public ListBoxModel doFillRollbackItems() {
            return FormSupport.rollbackItems();
        }

        @POST
        public ListBoxModel doFillResultOnFailureItems() {
            return FormSupport.resultOnFailureItems();
        }

        @POST
        public FormValidation doCheckEndpointUrl(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.canConfigure(item) ? FormSupport.checkUrl(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckBaseUrl(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.canConfigure(item) ? FormSupport.checkUrl(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckConcurrency(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.canConfigure(item) ? FormSupport.checkNonNegativeInteger(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return FormSupport.canConfigure(item) ? FormSupport.checkNonNegativeInteger(value) : FormValidation.ok();
        }
    }
}
