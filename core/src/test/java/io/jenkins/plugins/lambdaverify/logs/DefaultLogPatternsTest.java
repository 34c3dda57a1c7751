package io.jenkins.plugins.lambdaverify.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The literal prefilter of the default patterns never hides a match, and it does rule out ordinary lines. */
class DefaultLogPatternsTest {
    private static final List<String> LINES = List.of(
            "[ERROR] Runtime.ImportModuleError: Unable to import module 'app': No module named 'src'",
            "[ERROR] Runtime.HandlerNotFound: app.handler is undefined or not exported",
            "[ERROR] Runtime.UserCodeSyntaxError: Syntax error in module 'app'",
            "ModuleNotFoundError: No module named 'src.api.v1.providers'",
            "Traceback: ImportError: cannot import name 'x' from 'y'",
            "2026-11-28T10:00:00Z 1b2c Task timed out after 3.00 seconds",
            "Runtime.OutOfMemory", "RequestId: 1 Error: Runtime exited with error: signal: killed",
            "MemoryError", "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
            "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
            "Runtime.ExitError", "Unhandled Promise Rejection: boom", "UnhandledPromiseRejection",
            "2026-11-28T10:00:00.000Z\tabc\tERROR\tInvoke Error \t{\"errorType\":\"Error\"}",
            "Uncaught Exception: TypeError", "uncaughtException",
            "java.lang.IllegalStateException: broken", "javax.naming.NamingException",
            "jakarta.ws.rs.NotFoundException: HTTP 404", "Traceback (most recent call last):",
            "[ERROR]\t2026-11-28T10:00:00Z\tabc\tsomething failed", "[CRITICAL] disk", "[FATAL] gone",
            "[INFO]\t2026-11-28T10:00:00Z\tabc\tGET /orders/1 200",
            "START RequestId: abc Version: $LATEST", "ModuleNotFoundErrors are fine here", "NotAnImportErrorX");

    @Test
    void thePrefilterNeverRulesOutALineThePatternMatches() {
        List<LogPattern> all = DefaultLogPatterns.forRuntime(null);
        for (LogPattern pattern : all) {
            for (String line : LINES) {
                if (pattern.regex().matcher(line).find()) {
                    assertThat(DefaultLogPatterns.mayMatch(pattern, line)).as(pattern.name() + " on " + line).isTrue();
                }
            }
            if (DefaultLogPatterns.requiredLiterals(pattern) != null) {
                assertThat(LINES).as("a line matching " + pattern.name())
                        .anyMatch(line -> pattern.regex().matcher(line).find());
            }
        }
    }

    @Test
    void anOrdinaryLineIsRuledOutWithoutItsRegexAndUserPatternsAlwaysRun() {
        String ordinary = "[INFO]\t2026-11-28T10:00:00Z\tabc\tGET /orders/1 200";
        assertThat(DefaultLogPatterns.forRuntime("python3.12"))
                .allMatch(p -> !DefaultLogPatterns.mayMatch(p, ordinary));
        LogPattern user = LogPattern.of("[ERROR]", "orders");
        assertThat(DefaultLogPatterns.mayMatch(user, ordinary)).isTrue();
        assertThat(DefaultLogPatterns.requiredLiterals(user)).isNull();
    }
}
