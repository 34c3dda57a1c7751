package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.lambdaverify.summary.VerificationSummary;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jenkins.util.Timer;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code verifyLambdaDeployment}: verifies a deployed (or built) Lambda function from the current agent and returns
 * the outcome as a map ({@code passed}, {@code failed}, {@code errors}, {@code findings}, {@code rolledBack},
 * {@code reports}, ...). Every parameter is optional: {@code lambda-verify.yaml} in the workspace says the rest.
 */
public class VerifyLambdaDeploymentStep extends Step implements VerificationOptions {
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
    private List<Map<String, Object>> phases;
    private List<LogPattern> logPatterns;
    private int concurrency;
    private int timeout;

    @DataBoundConstructor
    public VerifyLambdaDeploymentStep() {
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

    @Override
    public List<Map<String, Object>> getPhases() {
        return phases == null ? List.of() : Collections.unmodifiableList(phases);
    }

    /**
     * Phases given inline, in the config file's shape, e.g. {@code [[name: 'smoke', checks: [...]]]}. Typed as a list
     * of raw {@code Map}s for structs: a parameterized {@code Map} is an error to it, and {@code Object} would make it
     * describe every Describable in Jenkins under {@code phases}; the raw interface has no Describable subtype, and
     * structs passes a Groovy map through unchanged.
     */
    @DataBoundSetter
    @SuppressWarnings("rawtypes")
    public void setPhases(List<Map> phases) {
        List<Map<String, Object>> plain = PlainData.listOfMaps(phases);
        this.phases = plain.isEmpty() ? null : plain;
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
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    /** Runs on a background thread of the controller; the verification itself runs on the agent. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        @Serial
        private static final long serialVersionUID = 1L;

        /** How long an abort lets the step attach the reports of the checks that ran before it gives up on them. */
        static final long STOP_GRACE_SECONDS = 30;

        private final transient VerifyLambdaDeploymentStep step;
        private transient volatile Thread worker;
        private transient volatile Throwable stopCause;

        Execution(VerifyLambdaDeploymentStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        /**
         * The worker thread and the stop request change together under this execution's monitor: {@link #stop}
         * interrupts the worker only while it runs this step (never a pool thread that has moved on to another
         * step's work), and {@code run()} sees every stop that came before it ended.
         */
        @Override
        protected Map<String, Object> run() throws Exception {
            synchronized (this) {
                throwIfStopped(null); // stopped before it began
                worker = Thread.currentThread();
            }
            Map<String, Object> result;
            try {
                StepContext context = getContext();
                FlowNode node = context.get(FlowNode.class);
                Run<?, ?> run = context.get(Run.class);
                String id = LambdaVerifyBuildAction.reserveId(run, node.getId());
                VerificationSummary summary = VerificationRunner.perform(
                        step,
                        id,
                        run,
                        context.get(FilePath.class),
                        context.get(EnvVars.class),
                        context.get(Launcher.class),
                        context.get(TaskListener.class),
                        node);
                result = summary.toMap();
            } catch (Exception e) {
                // The reports are attached: end the step the way the abort asked (ABORTED), whatever the
                // interrupted verification threw on its way out.
                throwIfStopped(e);
                throw e;
            } finally {
                synchronized (this) {
                    worker = null;
                    Thread.interrupted(); // an interrupt meant for this step must not outlive it on a pool thread
                }
            }
            // An abort that arrived after the verification's last interruptible call: the verification is recorded,
            // and the step still ends the way the abort asked instead of letting the Pipeline go on.
            throwIfStopped(null);
            return result;
        }

        /** Throws the stop cause, if a stop was requested, with {@code suppressed} (when given) attached. */
        private void throwIfStopped(@CheckForNull Exception suppressed) throws Exception {
            Throwable cause = stopCause;
            if (cause == null) {
                return;
            }
            if (suppressed != null && suppressed != cause) {
                cause.addSuppressed(suppressed);
            }
            if (cause instanceof Exception e) {
                throw e;
            }
            if (cause instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(cause);
        }

        /**
         * An abort interrupts the verification, which stops its in-flight checks, writes the reports and attaches
         * them before the step ends with {@code cause}. Ending the step at once (the default) would let the build
         * finish before the reports were attached; a step that does not end within {@link #STOP_GRACE_SECONDS} is
         * stopped the default way.
         */
        @Override
        public void stop(@NonNull Throwable cause) throws Exception {
            boolean interrupted = false;
            synchronized (this) {
                stopCause = cause;
                if (worker != null) {
                    worker.interrupt();
                    interrupted = true;
                }
            }
            if (!interrupted) {
                super.stop(cause); // not started yet, or already over: the base class cancels or ends it
                return;
            }
            Timer.get()
                    .schedule(
                            () -> {
                                if (worker != null) {
                                    try {
                                        super.stop(cause);
                                    } catch (Exception e) {
                                        getContext().onFailure(cause);
                                    }
                                }
                            },
                            STOP_GRACE_SECONDS,
                            TimeUnit.SECONDS);
        }
    }

    @Extension
    @Symbol("verifyLambdaDeployment")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class, FilePath.class, Launcher.class, FlowNode.class);
        }

        @Override
        public String getFunctionName() {
            return "verifyLambdaDeployment";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Texts.get("Step.displayName");
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
