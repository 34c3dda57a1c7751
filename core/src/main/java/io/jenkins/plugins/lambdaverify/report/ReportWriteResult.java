package io.jenkins.plugins.lambdaverify.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ReportWriter} wrote, and what it could not.
 *
 * @param written the files written, in the order junit, rollback template, json, markdown
 * @param errors  one entry per report that could not be written
 */
public record ReportWriteResult(List<Written> written, List<Failure> errors) {

    /** The kind of report; {@code ROLLBACK_TEMPLATE} is the recorded rollback point's template beside the JSON. */
    public enum Kind { JUNIT, JSON, MARKDOWN, ROLLBACK_TEMPLATE }

    /** A report written to its path. */
    public record Written(Kind kind, Path path) {
    }

    /** A report that could not be written, with a one-line reason naming the path. */
    public record Failure(Kind kind, Path path, String message) {
    }

    public ReportWriteResult {
        written = List.copyOf(written);
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
