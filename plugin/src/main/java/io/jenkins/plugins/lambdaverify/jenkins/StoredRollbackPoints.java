package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.model.Run;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a verification's {@code sam} rollback point ({@code report.json} and its template) in the build's directory on
 * the controller, and hands the newest earlier one of the same job to the next run of the same verification id: what
 * a {@code copyArtifacts} recipe did by hand. Best effort: a point that cannot be kept or restored is one log line,
 * never a failed build (core then says why it has nothing to roll back to).
 */
final class StoredRollbackPoints {
    private StoredRollbackPoints() {}

    /** Where the point of verification {@code id} of {@code run} is kept. */
    static Path dir(Run<?, ?> run, String id) {
        return RollbackPoints.storeDir(run.getRootDir().toPath(), id);
    }

    /**
     * Keeps the rollback point the report in {@code reportDir} (workspace-relative) holds, when it holds one: copies
     * {@code report.json} and the template into the build's directory, size-bounded.
     */
    static void store(Run<?, ?> run, String id, FilePath workspace, String reportDir, PrintStream log)
            throws InterruptedException {
        FilePath reports = workspace.child(reportDir);
        Path target = dir(run, id);
        Path staged = target.resolveSibling(id + ".tmp");
        try {
            FilePath json = reports.child(AgentVerification.JSON_FILE);
            if (!json.exists()) {
                return;
            }
            String problem = RollbackPoints.sizeProblem(
                    AgentVerification.JSON_FILE, json.length(), RollbackPoints.MAX_REPORT_BYTES);
            if (problem != null) {
                log.println(Texts.get("RollbackPoint.notKept", problem));
                return;
            }
            RollbackPoints.deleteRecursively(staged);
            Files.createDirectories(staged);
            Path report = staged.resolve(AgentVerification.JSON_FILE);
            json.copyTo(new FilePath(report.toFile()));
            String template = RollbackPoints.templateOf(report);
            if (template == null) {
                RollbackPoints.deleteRecursively(staged); // no recorded point: nothing to carry
                return;
            }
            FilePath source = reports.child(template);
            String link = symbolicLink(reports, template);
            problem = !source.exists()
                    ? template + " is missing"
                    : link != null
                            ? link + " is a symbolic link: only a file the run wrote is kept"
                            : RollbackPoints.sizeProblem(template, source.length(), RollbackPoints.MAX_TEMPLATE_BYTES);
            if (problem != null) {
                RollbackPoints.deleteRecursively(staged);
                log.println(Texts.get("RollbackPoint.notKept", problem));
                return;
            }
            Path copy = staged.resolve(template).normalize();
            Files.createDirectories(copy.getParent());
            source.copyTo(new FilePath(copy.toFile()));
            RollbackPoints.commit(staged, target);
            log.println(Texts.get("RollbackPoint.kept", run.getDisplayName()));
        } catch (IOException | RuntimeException e) {
            log.println(Texts.get("RollbackPoint.notKept", e.getMessage()));
            try {
                RollbackPoints.deleteRecursively(staged);
            } catch (IOException ignored) {
                // the next store starts by deleting it again
            }
        }
    }

    /**
     * The first of {@code relative}'s paths below {@code dir} ({@code a}, {@code a/b}, ...) that is a symbolic link,
     * or {@code null}: the copy would follow it to any file the agent can read (on the built-in node, the
     * controller's), and the kept copy travels into later builds' workspaces.
     */
    @CheckForNull
    private static String symbolicLink(FilePath dir, String relative) throws IOException, InterruptedException {
        String path = null;
        for (String segment : relative.replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            path = path == null ? segment : path + "/" + segment;
            if (dir.child(path).readLink() != null) {
                return path;
            }
        }
        return null;
    }

    /**
     * Copies the newest rollback point an earlier build of the same job kept for verification {@code id} into
     * {@code <reportDir>/previous/} in the workspace.
     *
     * @return what the agent uses as the previous report, or {@code null} when no earlier build kept one
     */
    @CheckForNull
    static AgentRequest.Carried restore(Run<?, ?> run, String id, FilePath workspace, String reportDir, PrintStream log)
            throws InterruptedException {
        // Build directories are looked at by number: no earlier build is loaded unless it kept a point (a job that
        // never uses sam pays a few file checks per verification).
        Path builds = run.getParent().getBuildDir().toPath();
        Integer number = RollbackPoints.newestWith(
                RollbackPoints.earlierNumbers(run.getNumber()),
                n -> Files.isRegularFile(RollbackPoints.storeDir(builds.resolve(Integer.toString(n)), id)
                        .resolve(AgentVerification.JSON_FILE)),
                RollbackPoints.MAX_BUILDS_BACK);
        Run<?, ?> from = number == null ? null : run.getParent().getBuildByNumber(number);
        if (from == null) {
            return null;
        }
        String previous = reportDir + "/" + RollbackPoints.PREVIOUS_DIR;
        try {
            FilePath target = workspace.child(previous);
            target.deleteRecursive();
            target.mkdirs();
            new FilePath(dir(from, id).toFile()).copyRecursiveTo(target);
        } catch (IOException | RuntimeException e) {
            log.println(Texts.get("RollbackPoint.notRestored", from.getDisplayName(), e.getMessage()));
            return null;
        }
        // its age: up to MAX_BUILDS_BACK builds back it may be an old deployment
        log.println(
                Texts.get("RollbackPoint.restored", from.getFullDisplayName(), from.getTimestampString(), previous));
        return new AgentRequest.Carried(previous + "/" + AgentVerification.JSON_FILE, from.getFullDisplayName());
    }
}
