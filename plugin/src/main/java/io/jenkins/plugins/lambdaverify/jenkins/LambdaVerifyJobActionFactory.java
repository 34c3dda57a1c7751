package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import io.jenkins.plugins.echarts.AsyncTrendJobAction;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Gives a job its two trend charts when one of its recent builds verified, whatever those builds' results. The usual
 * route for job actions ({@code LastBuildAction.getProjectActions()}) asks only the last successful build, so a job
 * whose verifications keep failing (the default policy fails the build) would never show the trend that explains it.
 */
@Extension
@SuppressWarnings("rawtypes") // TransientActionFactory<Job>, as Jenkins' own factories for jobs
public final class LambdaVerifyJobActionFactory extends TransientActionFactory<Job> {
    /** How many of the latest build numbers are looked at (a file check each). */
    static final int RECENT_BUILDS = 10;

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    /** Both actions are trend charts: only lookups of that kind (or wider) consult this factory. */
    @Override
    public Class<? extends Action> actionType() {
        return AsyncTrendJobAction.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job job) {
        if (!verifiedRecently(job)) {
            return List.of();
        }
        return List.of(new LambdaVerifyJobAction(job), new LambdaVerifyLatencyJobAction(job));
    }

    /**
     * Whether one of the {@link #RECENT_BUILDS} latest build numbers has the file a verification writes into the
     * build's directory ({@link LambdaVerifyBuildAction#FILE_NAME}, in {@code Run.getRootDir()} =
     * {@code getBuildDir()/<number>}): a few {@code stat}s and no build record loaded. This runs for every job on
     * every {@code getAllActions()}, most of which never verify.
     */
    static boolean verifiedRecently(Job<?, ?> job) {
        return RecentVerifications.any(
                job.getBuildDir(), LambdaVerifyBuildAction.FILE_NAME, job.getNextBuildNumber(), RECENT_BUILDS);
    }
}
