package io.jenkins.plugins.lambdaverify.report;

import io.jenkins.plugins.lambdaverify.result.RollbackPoint;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every requested report for one run. Each file is written to a temporary file beside it and moved into
 * place, so a reader never sees half a report; parent directories are created. One report failing does not stop
 * the others: the result lists what was written and what was not.
 */
public final class ReportWriter {

    /** Writes one report to a stream. */
    @FunctionalInterface
    interface Render {
        void write(RunReport report, OutputStream out) throws IOException;
    }

    private final JUnitXmlWriter junit;
    private final JsonReportWriter json;
    private final MarkdownSummaryWriter markdown;

    public ReportWriter() {
        this(SecretMasker.defaults());
    }

    public ReportWriter(SecretMasker masker) {
        this.junit = new JUnitXmlWriter(masker);
        this.json = new JsonReportWriter(masker);
        this.markdown = new MarkdownSummaryWriter(masker);
    }

    /** Writes the reports the targets ask for. Never throws for an I/O problem: see the result's errors. */
    public ReportWriteResult write(RunReport report, ReportTargets targets) {
        List<ReportWriteResult.Written> written = new ArrayList<>();
        List<ReportWriteResult.Failure> errors = new ArrayList<>();
        one(report, ReportWriteResult.Kind.JUNIT, targets.junit(), junit::write, written, errors);
        // The template first: a report that names it is never on disk without it.
        Path template = null;
        try {
            template = rollbackTemplate(report, targets.json());
        } catch (IllegalArgumentException e) {
            errors.add(new ReportWriteResult.Failure(ReportWriteResult.Kind.ROLLBACK_TEMPLATE, null, e.getMessage()));
        }
        one(report, ReportWriteResult.Kind.ROLLBACK_TEMPLATE, template, ReportWriter::writeTemplate, written, errors);
        one(report, ReportWriteResult.Kind.JSON, targets.json(), json::write, written, errors);
        one(report, ReportWriteResult.Kind.MARKDOWN, targets.markdown(), markdown::write, written, errors);
        return new ReportWriteResult(written, errors);
    }

    /**
     * Where the recorded rollback point's template goes: {@code templateFile} resolved against the JSON report's
     * directory (as {@link JsonReportReader}'s readers resolve it), or {@code null} when there is nothing to write.
     */
    static Path rollbackTemplate(RunReport report, Path json) {
        RollbackPoint point = report.rollbackPoint();
        if (json == null || point == null || !point.recorded() || point.template() == null
                || point.templateFile() == null) {
            return null;
        }
        Path dir = json.toAbsolutePath().getParent();
        Path file = dir.resolve(point.templateFile()).normalize();
        if (!file.startsWith(dir)) {
            throw new IllegalArgumentException("rollback point template " + point.templateFile()
                    + " is outside the report directory");
        }
        return file;
    }

    // The template exactly as CloudFormation returned it: not masked (a masked template would deploy something else).
    private static void writeTemplate(RunReport report, OutputStream out) throws IOException {
        out.write(report.rollbackPoint().template().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static void one(RunReport report, ReportWriteResult.Kind kind, Path path, Render render,
                    List<ReportWriteResult.Written> written, List<ReportWriteResult.Failure> errors) {
        if (path == null) {
            return;
        }
        try {
            writeAtomically(path, out -> render.write(report, out));
            written.add(new ReportWriteResult.Written(kind, path));
        } catch (IOException | RuntimeException e) {
            // A reporter bug or a full disk must not cost the other reports.
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            errors.add(new ReportWriteResult.Failure(kind, path, "could not write the " + kind.name().toLowerCase(
                    java.util.Locale.ROOT).replace('_', ' ') + " report to " + path + ": " + ReportText.oneLine(reason)));
        }
    }

    /** Writes a file through a temporary sibling and a move, creating parent directories. */
    static void writeAtomically(Path path, IoConsumer<OutputStream> body) throws IOException {
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.accept(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A consumer that may fail with an I/O error. */
    @FunctionalInterface
    interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }
}
