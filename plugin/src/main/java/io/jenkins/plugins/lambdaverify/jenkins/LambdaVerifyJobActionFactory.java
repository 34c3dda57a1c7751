package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
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
    /** How many of the latest builds are looked at; each lookup may load a build record. */
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

    private static boolean verifiedRecently(Job<?, ?> job) {
        Run<?, ?> run = job.getLastBuild();
        for (int i = 0; run != null && i < RECENT_BUILDS; i++, run = run.getPreviousBuild()) {
            if (run.getAction(LambdaVerifyBuildAction.class) != null) {
                return true;
            }
        }
        return false;
    }
}
