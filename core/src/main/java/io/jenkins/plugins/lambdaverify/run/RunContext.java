package io.jenkins.plugins.lambdaverify.run;

import io.jenkins.plugins.lambdaverify.aws.AwsSettings;
import io.jenkins.plugins.lambdaverify.engine.ProcessRunner;
import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * What a front end hands the run: how to reach AWS, where to report progress, how to run processes, where the
 * workspace is. The CLI builds it from flags and the process; Jenkins from the step's environment and the agent.
 *
 * @param aws       AWS settings (the environment map is the run's, never the controller's)
 * @param listener  progress
 * @param processes runs {@code sam deploy} or a rollback command
 * @param workDir   the workspace: relative paths (template, artifact, reports) resolve against it
 * @param clock     the clock (tests fix it)
 * @param secrets   literal values to mask everywhere (credentials, tokens the user marked)
 */
public record RunContext(AwsSettings aws, ProgressListener listener, ProcessRunner processes, Path workDir,
                         Clock clock, List<String> secrets) {
    public RunContext {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }
}
