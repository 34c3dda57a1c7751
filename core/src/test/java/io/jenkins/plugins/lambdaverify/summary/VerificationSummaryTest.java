package io.jenkins.plugins.lambdaverify.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class VerificationSummaryTest {
    /** The keys of the map the Pipeline step returns, as docs/jenkins.md documents them. */
    private static final List<String> STEP_RESULT_KEYS = List.of(
            "passed",
            "target",
            "total",
            "passedCount",
            "failed",
            "errors",
            "skipped",
            "findings",
            "rolledBack",
            "p95LatencyMillis",
            "coldStarts",
            "termination",
            "infrastructureError",
            "logScan",
            "logScanProblem",
            "reports",
            "result");

    /**
     * JDK classes Jenkins' class filter accepts (core's whitelisted-classes.txt) that the summary may contain. Any
     * other JDK class (List.copyOf's ImmutableCollections, Duration, Instant, ...) would be refused on the remoting
     * channel or in build.xml.
     */
    private static final Set<String> WHITELISTED_JDK_CLASSES = Set.of(
            "java.lang.String",
            "java.lang.Boolean",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Number",
            "java.util.ArrayList");

    @Test
    void theStepReturnsTheDocumentedKeys() {
        Map<String, Object> map = Summaries.failedWithRollback("7", "DONE")
                .withBuildResult("UNSTABLE")
                .toMap();

        assertThat(map.keySet()).containsExactlyElementsOf(STEP_RESULT_KEYS);
        assertThat(map)
                .containsEntry("passed", false)
                .containsEntry("target", "lambda:orders-api:live")
                .containsEntry("total", 3)
                .containsEntry("passedCount", 1)
                .containsEntry("failed", 1)
                .containsEntry("errors", 1)
                .containsEntry("skipped", 0)
                .containsEntry("findings", 1)
                .containsEntry("rolledBack", true)
                .containsEntry("p95LatencyMillis", 900L)
                .containsEntry("coldStarts", 2)
                .containsEntry("termination", "COMPLETED")
                .containsEntry("infrastructureError", null)
                .containsEntry("reports", List.of("lambda-verify/7/junit.xml", "lambda-verify/7/report.json"))
                .containsEntry("result", "UNSTABLE");
    }

    /** Pipeline scripts read the map in the sandbox: only plain Java types, and a list a script may change. */
    @Test
    void theReturnedMapHoldsPlainTypesOnly() {
        Map<String, Object> map = Summaries.failedWithRollback("7", "DONE").toMap();

        assertThat(map.values()).allSatisfy(value -> assertThat(value)
                .satisfiesAnyOf(
                        v -> assertThat(v).isNull(),
                        v -> assertThat(v).isInstanceOfAny(String.class, Integer.class, Long.class, Boolean.class),
                        v -> assertThat(v).isExactlyInstanceOf(ArrayList.class)));
        @SuppressWarnings("unchecked")
        List<String> reports = (List<String>) map.get("reports");
        reports.clear(); // a script changing its copy...
        assertThat(Summaries.failedWithRollback("7", "DONE").getReportFiles()).hasSize(2); // ...changes nothing here
    }

    @Test
    void everyKeyTheStepReturnsIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "jenkins.md"), StandardCharsets.UTF_8);

        assertThat(STEP_RESULT_KEYS).allSatisfy(key -> assertThat(doc).contains("`" + key + "`"));
    }

    @Test
    void theBuildResultIsAddedToACopy() {
        VerificationSummary summary = Summaries.passed("7", 3, 120, 0);

        VerificationSummary decided = summary.withBuildResult("SUCCESS");

        assertThat(decided.getBuildResult()).isEqualTo("SUCCESS");
        assertThat(decided.toMap()).containsEntry("result", "SUCCESS");
        assertThat(summary.getBuildResult()).isNull();
        assertThat(decided.getPhases()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(summary.getPhases());
        assertThat(decided.getReportFiles()).isEqualTo(summary.getReportFiles());
    }

    @Test
    void listsAreCopiedAndReadOnly() {
        List<String> files = new ArrayList<>(List.of("lambda-verify/7/junit.xml"));
        VerificationSummary summary = new VerificationSummary("7", "t", true, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                "COMPLETED", null, List.of(), List.of(), List.of(), null, files);

        files.add("changed later");

        assertThat(summary.getReportFiles()).containsExactly("lambda-verify/7/junit.xml");
        assertThatThrownBy(() -> summary.getReportFiles().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    /**
     * The Jenkins plugin sends the summary from the agent to the controller and stores it with the build: it must
     * come back whole, made only of classes Jenkins' class filter lets through.
     */
    @Test
    void crossesTheWireAsPlainDataOnly() throws Exception {
        BuildSummary build = new BuildSummary(List.of(
                Summaries.passed("staging", 4, 100, 1),
                Summaries.failedWithRollback("production", "DONE").withBuildResult("FAILURE")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(build);
        }

        Set<String> classes = new TreeSet<>();
        BuildSummary back;
        try (ObjectInputStream in = new RecordingInputStream(new ByteArrayInputStream(bytes.toByteArray()), classes)) {
            back = (BuildSummary) in.readObject();
        }

        assertThat(classes)
                .allSatisfy(name -> assertThat(name.startsWith(BuildSummary.class.getPackageName() + ".")
                                || WHITELISTED_JDK_CLASSES.contains(name))
                        .as("%s must be a summary class or a JDK class Jenkins accepts", name)
                        .isTrue());
        VerificationSummary production = back.getVerifications().get(1);
        assertThat(production.toMap()).isEqualTo(build.getVerifications().get(1).toMap());
        assertThat(production.getProblems().get(0).getLogLines())
                .containsExactly("ModuleNotFoundError: No module named 'src.api.v1.providers'");
        assertThat(production.getFindings().get(0).getCount()).isEqualTo(31);
        assertThat(production.getRollback().getOutput()).containsExactly("alias live -> 41");
        assertThat(back.getColdStarts()).isEqualTo(3);
    }

    /** Records each class the stream names, as Jenkins' remoting checks each one against its class filter. */
    private static final class RecordingInputStream extends ObjectInputStream {
        private final Set<String> classes;

        RecordingInputStream(InputStream in, Set<String> classes) throws IOException {
            super(in);
            this.classes = classes;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            classes.add(desc.getName());
            return super.resolveClass(desc);
        }
    }
}
