package io.jenkins.plugins.lambdaverify.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.result.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryRequestedReportCreatingParentDirectories() throws Exception {
        ReportTargets targets = ReportTargets.none().withJunit(dir.resolve("reports/junit/TEST-lambda-verify.xml"))
                .withJson(dir.resolve("reports/lambda-verify.json")).withMarkdown(dir.resolve("summary.md"));
        ReportWriteResult result = new ReportWriter().write(ReportFixtures.incident(), targets);

        assertThat(result.ok()).isTrue();
        assertThat(result.written()).extracting(ReportWriteResult.Written::kind).containsExactly(
                ReportWriteResult.Kind.JUNIT, ReportWriteResult.Kind.JSON, ReportWriteResult.Kind.MARKDOWN);
        assertThat(Files.readString(targets.junit())).contains("<testsuites");
        assertThat(new JsonReportReader().read(targets.json()).verification().total()).isEqualTo(5);
        assertThat(Files.readString(targets.markdown())).startsWith("## ❌ lambda-verify: failed");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).as("no temp files left").isEmpty();
        }
    }

    @Test
    void replacesAnOlderReport() throws Exception {
        Path json = dir.resolve("r.json");
        Files.writeString(json, "old");
        new ReportWriter().write(ReportFixtures.green(), ReportTargets.none().withJson(json));
        assertThat(new JsonReportReader().read(json).passed()).isTrue();
    }

    @Test
    void onlyRequestedReportsAreWritten() throws Exception {
        ReportWriteResult result = new ReportWriter().write(ReportFixtures.green(),
                ReportTargets.none().withMarkdown(dir.resolve("s.md")));
        assertThat(result.written()).hasSize(1);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("s.md"));
        }
        assertThat(new ReportWriter().write(ReportFixtures.green(), ReportTargets.none()).written()).isEmpty();
        assertThat(ReportTargets.none().isEmpty()).isTrue();
    }

    @Test
    void oneReportFailingDoesNotStopTheOthers() throws Exception {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "a file where a directory should be");
        ReportTargets targets = new ReportTargets(blocker.resolve("junit.xml"), dir.resolve("ok.json"),
                dir.resolve("ok.md"));

        ReportWriteResult result = new ReportWriter().write(ReportFixtures.incident(), targets);

        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ReportWriteResult.Kind.JUNIT);
            assertThat(e.message()).startsWith("could not write the junit report to " + blocker.resolve("junit.xml"))
                    .doesNotContain("\n");
        });
        assertThat(result.written()).extracting(ReportWriteResult.Written::path)
                .containsExactly(dir.resolve("ok.json"), dir.resolve("ok.md"));
        assertThat(Files.exists(dir.resolve("ok.json"))).isTrue();
    }

    @Test
    void aReporterThatThrowsLeavesNoFileAndNoTempFile() throws Exception {
        List<ReportWriteResult.Written> written = new ArrayList<>();
        List<ReportWriteResult.Failure> errors = new ArrayList<>();
        Path target = dir.resolve("broken.xml");
        ReportWriter.one(ReportFixtures.green(), ReportWriteResult.Kind.JUNIT, target, (RunReport r, java.io.OutputStream out) -> {
            out.write("<half".getBytes());
            throw new IllegalStateException("renderer bug");
        }, written, errors);

        assertThat(written).isEmpty();
        assertThat(errors).singleElement().extracting(ReportWriteResult.Failure::message)
                .isEqualTo("could not write the junit report to " + target + ": renderer bug");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
