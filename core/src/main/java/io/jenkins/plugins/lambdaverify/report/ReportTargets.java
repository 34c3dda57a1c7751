package io.jenkins.plugins.lambdaverify.report;

import java.nio.file.Path;

/**
 * Where to write each report; {@code null} means "don't write that one".
 *
 * @param junit    JUnit XML file
 * @param json     JSON report file
 * @param markdown Markdown summary file (a PR comment body, or {@code $GITHUB_STEP_SUMMARY})
 */
public record ReportTargets(Path junit, Path json, Path markdown) {

    public static ReportTargets none() {
        return new ReportTargets(null, null, null);
    }

    public ReportTargets withJunit(Path path) {
        return new ReportTargets(path, json, markdown);
    }

    public ReportTargets withJson(Path path) {
        return new ReportTargets(junit, path, markdown);
    }

    public ReportTargets withMarkdown(Path path) {
        return new ReportTargets(junit, json, path);
    }

    public boolean isEmpty() {
        return junit == null && json == null && markdown == null;
    }
}
