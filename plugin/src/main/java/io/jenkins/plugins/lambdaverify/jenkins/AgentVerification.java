package io.jenkins.plugins.lambdaverify.jenkins;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.jenkins.plugins.lambdaverify.aws.AwsSettings;
import io.jenkins.plugins.lambdaverify.engine.ProcessRunner;
import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jenkins.security.MasterToSlaveCallable;

/**
 * Runs one verification on the agent that holds the workspace, as {@code sh} would: the agent has the network path
 * (VPC endpoints, private API Gateways) and the identity the job expects, and the controller stays light. Progress
 * streams to the build log through the remotable listener; the reports land in {@link #JUNIT_FILE} and its
 * siblings under the request's report directory; a plain {@link VerificationSummary} comes back.
 *
 * <p>A callable given the workspace's path: {@code FilePath.act(Callable)} runs it on the agent that holds the
 * workspace, and no remoting type appears in this class.
 */
final class AgentVerification extends MasterToSlaveCallable<VerificationSummary, Exception> {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Name of the JUnit report in the report directory: the controller attaches exactly this file. */
    static final String JUNIT_FILE = "junit.xml";

    private final String workspacePath;
    private final AgentRequest request;
    private final TaskListener listener;

    AgentVerification(FilePath workspace, AgentRequest request, TaskListener listener) {
        this.workspacePath = workspace.getRemote();
        this.request = request;
        this.listener = listener;
    }

    /** Runs on the agent (it implements the remoting Callable's method, hence no {@code @Override} here). */
    public VerificationSummary call() throws IOException, InterruptedException {
        Path workspace = new File(workspacePath).toPath();
        Path reportDir = workspace.resolve(request.reportDir());
        // The directory is reused by the next build of the same step: never let an old report pass for a new one.
        new FilePath(reportDir.toFile()).deleteRecursive();
        Files.createDirectories(reportDir);

        AwsSettings aws = request.aws()
                .toSettings(request.target().region(), request.target().endpointUrl());
        ProgressListener progress = new ConsoleProgress(listener.getLogger());
        ProcessRunner processes = new AgentProcessRunner(listener);

        RunReport report = runEngine(workspace, reportDir, aws, progress, processes);
        return SummaryFactory.summarize(request.id(), report, reportFiles(workspace, reportDir));
    }

    // ---------------------------------------------------------------------------------------------------------
    // SEAM (the lead wires the core engine facade, io.jenkins.plugins.lambdaverify.engine, here; nothing else in
    // the plugin calls the engine). Contract this class relies on:
    //  1. load the spec from request.configPath() (workspace-relative; a missing file is an error only when
    //     request.configRequired()), apply the overrides: fileTarget.overriddenBy(request.target().toTargetSpec()),
    //     the inline request.phases() (plain maps in the config file's shape), request.logPatternSpecs() added
    //     to the file's patterns, request.rollback() (none|alias|sam),
    //     request.concurrency() and request.timeoutSeconds() when > 0, and never more than
    //     request.concurrencyCap() checks in flight. A user mistake becomes
    //     new AbortException(oneLineMessage) - no stack trace in the build log;
    //  2. run it with `aws` (never the default chain unless aws.allowDefaultChain()), `progress` and `processes`;
    //     honour Thread.interrupt() (Jenkins abort) by stopping in-flight checks and still returning the report;
    //  3. write the reports into reportDir: JUNIT_FILE (JUnit XML), plus the JSON and Markdown reports;
    //  4. return the RunReport (verification, rollback, re-verification).
    // ---------------------------------------------------------------------------------------------------------
    private RunReport runEngine(
            Path workspace, Path reportDir, AwsSettings aws, ProgressListener progress, ProcessRunner processes)
            throws IOException, InterruptedException {
        throw new AbortException(Texts.get("Engine.notWired"));
    }

    /** Workspace-relative paths of the files the engine wrote, with forward slashes on every OS. */
    private static List<String> reportFiles(Path workspace, Path reportDir) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(reportDir)) {
            paths.filter(Files::isRegularFile)
                    .sorted()
                    .forEach(p -> files.add(workspace.relativize(p).toString().replace(File.separatorChar, '/')));
        }
        return files;
    }
}
