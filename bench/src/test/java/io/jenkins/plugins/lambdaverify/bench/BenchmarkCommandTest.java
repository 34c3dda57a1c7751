package io.jenkins.plugins.lambdaverify.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of bin/benchmark that are logic, not measurement: options, the spec it writes, the docs rewrite. */
class BenchmarkCommandTest {
    @Test
    void smokeIsTinyAndTheFullRunCoversTheIssuesMatrix() {
        BenchOptions full = BenchOptions.parse(new String[0]);
        assertThat(full.checks()).containsExactly(1, 13, 30, 100);
        assertThat(full.latencies()).containsExactly(0, 50, 200);
        assertThat(full.logEvents()).containsExactly(100_000, 1_000_000);
        BenchOptions smoke = BenchOptions.parse(new String[] {"--smoke", "--only", "logs,engine"});
        assertThat(smoke.checks()).hasSize(1);
        assertThat(smoke.runs("logs")).isTrue();
        assertThat(smoke.runs("compare")).isFalse();
    }

    @Test
    void aBadOptionIsOneLineNamingIt() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--checks", "1,x"}))
                .hasMessage("--checks '1,x' is not a comma-separated list of whole numbers >= 0");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--only", "speed"}))
                .hasMessageContaining("'speed' is not one of startup, compare, engine, logs");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--fast"})).hasMessage("unknown option '--fast'");
    }

    @Test
    void theSpecHoldsNChecksOfTheChosenLatency(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(Comparison.writeSpec(dir, 3, 50));
        assertThat(yaml.lines().filter(l -> l.contains("GET /items/"))).containsExactly(
                "      - GET /items/1?sleep_ms=50", "      - GET /items/2?sleep_ms=50", "      - GET /items/3?sleep_ms=50");
        assertThat(io.jenkins.plugins.lambdaverify.spec.SpecLoader.parse(yaml, "spec.yaml").phases().getFirst()
                .checks()).hasSize(3);
    }

    @Test
    void writeDocsReplacesOnlyTheMarkedSection(@TempDir Path dir) throws Exception {
        Path docs = dir.resolve("performance.md");
        Files.writeString(docs, "# Perf\nintro\n" + BenchmarkMain.BEGIN + "\nold table\n" + BenchmarkMain.END + "\nafter\n");
        BenchmarkMain.writeDocs(docs, "| new | table |\n");
        assertThat(Files.readAllLines(docs)).isEqualTo(List.of("# Perf", "intro", BenchmarkMain.BEGIN,
                "| new | table |", BenchmarkMain.END, "after"));
        Files.writeString(docs, "no markers\n");
        assertThatThrownBy(() -> BenchmarkMain.writeDocs(docs, "x")).hasMessageContaining("has no");
    }
}
