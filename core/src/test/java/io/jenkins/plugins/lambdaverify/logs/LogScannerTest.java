package io.jenkins.plugins.lambdaverify.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.lambdaverify.result.LogFinding;
import io.jenkins.plugins.lambdaverify.spec.LogPatternSpec;
import io.jenkins.plugins.lambdaverify.spec.LogScanSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogScannerTest {
    static final String STREAM = "2026/11/28/[7]0a1b2c3d4e5f";
    static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    static LogEvent event(int second, String message) {
        return new LogEvent(T0.plusSeconds(second), STREAM, message);
    }

    static LogScanSpec spec(List<LogPatternSpec> patterns, List<String> ignore) {
        return new LogScanSpec(true, true, patterns, ignore, Duration.ofSeconds(30), Duration.ofSeconds(5), null);
    }

    @Test
    void theIncidentsLazyImportErrorsAreOneFindingWithCountAndWindow() {
        LogScanner scanner = LogScanner.forSpec(LogScanSpec.defaults(), "python3.12");
        scanner.accept(event(1, "START RequestId: 8f5a0c1e-1111-4a6b-9d1e-0123456789ab Version: 7"));
        scanner.accept(event(2, "[ERROR]\t2026-11-28T10:00:02.120Z\t8f5a0c1e-1111-4a6b-9d1e-0123456789ab\t"
                + "ModuleNotFoundError: No module named 'src.api.v1.providers'"));
        scanner.accept(event(5, "[ERROR]\t2026-11-28T10:00:05.981Z\t0b9d2f3a-2222-4c5d-8e7f-fedcba987654\t"
                + "ModuleNotFoundError: No module named 'src.api.v1.providers'"));
        scanner.accept(event(6, "[ERROR]\t2026-11-28T10:00:06.001Z\tc0ffee00-3333-4c5d-8e7f-fedcba987654\t"
                + "ModuleNotFoundError: No module named 'src.api.v1.orders'"));
        scanner.accept(event(7, "[INFO]\t2026-11-28T10:00:07.000Z\tc0ffee00-3333-4c5d-8e7f-fedcba987654\tGET /health 200"));

        List<LogFinding> findings = scanner.findings();
        assertThat(findings).hasSize(2);
        LogFinding providers = findings.getFirst();
        assertThat(providers.pattern()).isEqualTo("ModuleNotFoundError");
        assertThat(providers.signature())
                .isEqualTo("[ERROR] <ts> <id> ModuleNotFoundError: No module named 'src.api.v1.providers'");
        assertThat(providers.count()).isEqualTo(2);
        assertThat(providers.firstSeen()).isEqualTo(T0.plusSeconds(2));
        assertThat(providers.lastSeen()).isEqualTo(T0.plusSeconds(5));
        assertThat(providers.stream()).isEqualTo(STREAM);
        assertThat(providers.samples()).hasSize(2).allMatch(s -> s.contains("src.api.v1.providers"));
        assertThat(providers.failing()).isTrue();
        assertThat(findings.get(1).signature()).endsWith("'src.api.v1.orders'");
        assertThat(scanner.scanned()).isEqualTo(5);
        assertThat(scanner.matched()).isEqualTo(3);
        assertThat(scanner.failed()).isTrue();
    }

    @Test
    void specificPatternsWinOverTracebackAndErrorForMultiLineEvents() {
        LogScanner scanner = LogScanner.forSpec(LogScanSpec.defaults(), "python3.12");
        scanner.accept(event(1, "[ERROR] Runtime.ImportModuleError: Unable to import module 'app': No module named 'src'\r"
                + "Traceback (most recent call last):"));
        scanner.accept(event(2, "[ERROR]\t2026-11-28T10:00:02.000Z\tabc\tfailed\rTraceback (most recent call last):\r"
                + "  File \"/var/task/app.py\", line 12, in handler\r    import src.api\rImportError: cannot import name 'x'"));
        scanner.accept(event(3, "2026-11-28T10:00:03.000Z 8f5a0c1e-1111-4a6b-9d1e-0123456789ab Task timed out after 3.00 seconds"));

        assertThat(scanner.findings()).extracting(LogFinding::pattern)
                .containsExactlyInAnyOrder("Runtime.ImportModuleError", "ImportError", "Task timed out");
        LogFinding importError = scanner.findings().stream().filter(f -> f.pattern().equals("ImportError")).findFirst().orElseThrow();
        assertThat(importError.signature()).isEqualTo("ImportError: cannot import name 'x'");
        assertThat(importError.samples().getFirst()).contains("\n  File \"/var/task/app.py\"");
        LogFinding timeout = scanner.findings().stream().filter(f -> f.pattern().equals("Task timed out")).findFirst().orElseThrow();
        assertThat(timeout.signature()).isEqualTo("<ts> <id> Task timed out after <n> seconds");
    }

    @Test
    void nodeAndJavaRuntimeErrorsAreFound() {
        LogScanner node = LogScanner.forSpec(LogScanSpec.defaults(), "nodejs22.x");
        node.accept(event(1, "2026-11-28T10:00:01.000Z\tundefined\tERROR\tUnhandled Promise Rejection \t"
                + "{\"errorType\":\"Runtime.UnhandledPromiseRejection\",\"errorMessage\":\"Error: boom\"}"));
        node.accept(event(2, "2026-11-28T10:00:02.000Z\t8f5a0c1e-1111-4a6b-9d1e-0123456789ab\tERROR\tInvoke Error \t"
                + "{\"errorType\":\"TypeError\",\"errorMessage\":\"Cannot read properties of undefined\"}"));
        node.accept(event(3, "RequestId: 8f5a0c1e-1111-4a6b-9d1e-0123456789ab Error: Runtime exited with error: signal: killed\n"
                + "Runtime.ExitError"));
        assertThat(node.findings()).extracting(LogFinding::pattern)
                .containsExactlyInAnyOrder("Unhandled promise rejection", "Invoke Error", "Out of memory");

        LogScanner java = LogScanner.forSpec(LogScanSpec.defaults(), "java21");
        java.accept(event(1, "java.lang.IllegalStateException: config missing for tenant 17"));
        java.accept(event(2, "java.lang.IllegalStateException: config missing for tenant 42\n\tat com.example.Handler.handleRequest(Handler.java:42)"));
        assertThat(java.findings()).singleElement().satisfies(f -> {
            assertThat(f.pattern()).isEqualTo("Java exception");
            assertThat(f.count()).isEqualTo(2);
        });
    }

    @Test
    void jsonLinesMatchOnLevelErrorTypeAndPlatformStatus() {
        LogScanner scanner = LogScanner.forSpec(LogScanSpec.defaults(), "python3.13");
        scanner.accept(event(1, "{\"timestamp\":\"2026-11-28T10:00:01Z\",\"level\":\"ERROR\",\"message\":\"payment declined for order 123\","
                + "\"logger\":\"root\",\"requestId\":\"8f5a0c1e-1111-4a6b-9d1e-0123456789ab\"}"));
        scanner.accept(event(2, "{\"timestamp\":\"2026-11-28T10:00:02Z\",\"level\":\"ERROR\",\"message\":\"payment declined for order 456\","
                + "\"logger\":\"root\",\"requestId\":\"0b9d2f3a-2222-4c5d-8e7f-fedcba987654\"}"));
        scanner.accept(event(3, "{\"timestamp\":\"2026-11-28T10:00:03Z\",\"level\":\"INFO\",\"message\":\"ok\"}"));
        scanner.accept(event(4, "{\"timestamp\":\"2026-11-28T10:00:04Z\",\"log_level\":\"ERROR\",\"errorMessage\":\"Unable to import module 'app'\","
                + "\"errorType\":\"Runtime.ImportModuleError\",\"requestId\":\"\",\"stackTrace\":[]}"));
        scanner.accept(event(5, "{\"time\":\"2026-11-28T10:00:05Z\",\"type\":\"platform.report\",\"record\":"
                + "{\"requestId\":\"8f5a0c1e-1111-4a6b-9d1e-0123456789ab\",\"metrics\":{\"durationMs\":3000.0},\"status\":\"timeout\"}}"));
        scanner.accept(event(6, "{\"time\":\"2026-11-28T10:00:06Z\",\"type\":\"platform.report\",\"record\":"
                + "{\"requestId\":\"0b9d2f3a-2222-4c5d-8e7f-fedcba987654\",\"status\":\"success\"}}"));
        scanner.accept(event(7, "{\"timestamp\":\"2026-11-28T10:00:07Z\",\"level\":\"WARN\",\"message\":{\"errorType\":\"KeyError\",\"errorMessage\":\"'id'\"}}"));

        assertThat(scanner.findings()).extracting(LogFinding::pattern, LogFinding::signature, LogFinding::count)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("level=ERROR", "ERROR payment declined for order <n>", 2L),
                        org.assertj.core.groups.Tuple.tuple("Runtime.ImportModuleError",
                                "Runtime.ImportModuleError: Unable to import module 'app'", 1L),
                        org.assertj.core.groups.Tuple.tuple("Task timed out", "platform.report status=timeout", 1L),
                        org.assertj.core.groups.Tuple.tuple("errorType", "KeyError: 'id'", 1L));
    }

    @Test
    void ignoreListDropsLinesAndUserPatternsComeFirstWithTheirThreshold() {
        LogScanner scanner = LogScanner.forSpec(spec(
                List.of(new LogPatternSpec("retryable", "RetryableError", 2), new LogPatternSpec(null, "DEPRECATED", 0)),
                List.of("expected test failure")), "python3.12");
        scanner.accept(event(1, "[ERROR] expected test failure: ModuleNotFoundError: No module named 'fixture'"));
        scanner.accept(event(2, "[ERROR] RetryableError: upstream 503 on attempt 1"));
        scanner.accept(event(3, "[ERROR] RetryableError: connection reset"));
        assertThat(scanner.ignored()).isEqualTo(1);
        assertThat(scanner.findings()).singleElement().satisfies(f -> {
            assertThat(f.pattern()).isEqualTo("retryable");
            assertThat(f.count()).isEqualTo(2);
            assertThat(f.threshold()).isEqualTo(2);
            assertThat(f.failing()).isFalse();
        });
        assertThat(scanner.failed()).isFalse();

        // the threshold counts the pattern's total across different signatures
        scanner.accept(event(4, "[ERROR] RetryableError: timeout"));
        assertThat(scanner.findings()).singleElement().satisfies(f -> {
            assertThat(f.count()).isEqualTo(3);
            assertThat(f.failing()).isTrue();
        });
        scanner.accept(event(5, "WARNING DEPRECATED call"));
        assertThat(scanner.findings()).extracting(LogFinding::pattern).contains("DEPRECATED");
    }

    @Test
    void badUserRegexIsAOneLineMessage() {
        assertThatThrownBy(() -> LogScanner.forSpec(spec(List.of(new LogPatternSpec("broken", "Error(", 0)), List.of()), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("log pattern 'broken': invalid regex 'Error('");
    }

    @Test
    void samplesAreMaskedAndSignaturesNormalised() {
        LogScanner scanner = LogScanner.forSpec(LogScanSpec.defaults(), "python3.12");
        scanner.accept(event(1, "[ERROR] auth failed: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl "
                + "key AKIAIOSFODNN7EXAMPLE password=hunter2 at 0x7f3a2b1c request 12345"));
        LogFinding f = scanner.findings().getFirst();
        assertThat(f.samples().getFirst()).doesNotContain("eyJhbGciOiJIUzI1NiJ9", "AKIAIOSFODNN7EXAMPLE", "hunter2")
                .contains("****");
        assertThat(f.signature()).doesNotContain("hunter2").contains("<hex>").contains("request <n>");
    }

    @Test
    void endlesslyVaryingLinesFoldIntoOneFindingPerPattern() {
        LogScanner scanner = LogScanner.forSpec(LogScanSpec.defaults(), "python3.12");
        for (int i = 0; i < 500; i++) {
            scanner.accept(event(i, "[ERROR] failure in step-" + (char) ('a' + i % 26) + (char) ('a' + i / 26)));
        }
        assertThat(scanner.findings()).hasSize(LogScanner.MAX_SIGNATURES_PER_PATTERN + 1);
        assertThat(scanner.findings().stream().mapToLong(LogFinding::count).sum()).isEqualTo(500);
        assertThat(scanner.findings()).anyMatch(x -> x.signature().equals(LogScanner.OTHER_SIGNATURES)
                && x.count() == 500 - LogScanner.MAX_SIGNATURES_PER_PATTERN);
    }

    @Test
    void signaturesNormaliseIdsTimestampsHexAndNumbersButNotNames() {
        assertThat(Signatures.of("[ERROR]\t2026-11-28T10:00:02.120Z\t8f5a0c1e-1111-4a6b-9d1e-0123456789ab\tline 42 in v1 at deadbeef12"))
                .isEqualTo("[ERROR] <ts> <id> line <n> in v1 at <hex>");
    }
}
