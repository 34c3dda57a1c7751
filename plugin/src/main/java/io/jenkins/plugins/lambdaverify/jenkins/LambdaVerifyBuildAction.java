package io.jenkins.plugins.lambdaverify.jenkins;

import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.lambdaverify.summary.BuildSummary;
import io.jenkins.plugins.lambdaverify.summary.VerificationSummary;
import io.jenkins.plugins.util.AbstractXmlStream;
import io.jenkins.plugins.util.BuildAction;
import io.jenkins.plugins.util.JobAction;
import java.io.Serial;
import java.util.Collection;
import java.util.List;

/**
 * The verifications of one build: a summary on the build page and a page of its own. The report is kept in
 * {@value #FILE_NAME} next to build.xml (plain data) and read lazily, so long histories stay cheap.
 */
public class LambdaVerifyBuildAction extends BuildAction<BuildSummary> {
    @Serial
    private static final long serialVersionUID = 1L;

    static final String FILE_NAME = "lambda-verify.xml";
    static final String URL_NAME = "lambda-verify";

    /** The ids handed out to the verifications of running builds. */
    private static final IdReservations<Run<?, ?>> IDS = new IdReservations<>();

    LambdaVerifyBuildAction(Run<?, ?> owner, BuildSummary report) {
        super(owner, report);
    }

    /** Adds a verification to the build's action, creating it on the first one. */
    static void record(Run<?, ?> run, VerificationSummary summary) {
        synchronized (run) {
            LambdaVerifyBuildAction existing = run.getAction(LambdaVerifyBuildAction.class);
            BuildSummary report = existing == null
                    ? new BuildSummary(List.of(summary))
                    : existing.getResult().with(summary);
            run.addOrReplaceAction(new LambdaVerifyBuildAction(run, report));
        }
    }

    /**
     * Reserves the id of a verification that starts now: {@code base}, or {@code base-2}, {@code base-3}... when the
     * build already has (or is running) a verification of that id. Atomic, for verifications in parallel branches.
     */
    static String reserveId(Run<?, ?> run, String base) {
        return IDS.reserve(run, base, () -> {
            LambdaVerifyBuildAction existing = run.getAction(LambdaVerifyBuildAction.class);
            return existing == null
                    ? List.of()
                    : existing.getResult().getVerifications().stream()
                            .map(VerificationSummary::getId)
                            .toList();
        });
    }

    @Override
    protected AbstractXmlStream<BuildSummary> createXmlStream() {
        return new ReportXmlStream();
    }

    @Override
    protected JobAction<? extends BuildAction<BuildSummary>> createProjectAction() {
        return new LambdaVerifyJobAction(getOwner().getParent());
    }

    /**
     * None: Jenkins asks only the last successful build for these, which would hide the trend of a job whose
     * verifications fail. {@link LambdaVerifyJobActionFactory} adds the job's charts instead.
     */
    @Override
    public Collection<? extends Action> getProjectActions() {
        return List.of();
    }

    @Override
    protected String getBuildResultBaseName() {
        return FILE_NAME;
    }

    @Override
    public String getIconFileName() {
        return "symbol-cloud";
    }

    @Override
    public String getDisplayName() {
        return Texts.get("BuildAction.displayName");
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }
}
