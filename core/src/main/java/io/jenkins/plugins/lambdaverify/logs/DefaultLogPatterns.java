package io.jenkins.plugins.lambdaverify.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Built-in patterns for the Python, Node.js and Java runtimes. Order matters: a log event counts once, for the
 * first pattern it matches, so the specific ones (what broke) come before the generic ones ({@code Traceback},
 * {@code [ERROR]}).
 */
public final class DefaultLogPatterns {
    private static final List<LogPattern> COMMON_FIRST = List.of(
            LogPattern.of("Runtime.ImportModuleError", "Runtime\\.ImportModuleError"),
            LogPattern.of("Runtime.HandlerNotFound", "Runtime\\.HandlerNotFound"),
            LogPattern.of("Runtime.UserCodeSyntaxError", "Runtime\\.UserCodeSyntaxError"));
    private static final List<LogPattern> PYTHON = List.of(
            LogPattern.of("ModuleNotFoundError", "\\bModuleNotFoundError\\b"),
            LogPattern.of("ImportError", "\\bImportError\\b"));
    private static final List<LogPattern> COMMON_RUNTIME = List.of(
            LogPattern.of("Task timed out", "Task timed out after"),
            LogPattern.of("Out of memory", "Runtime\\.OutOfMemory|signal: killed|\\bMemoryError\\b"
                    + "|JavaScript heap out of memory|java\\.lang\\.OutOfMemoryError"),
            LogPattern.of("Runtime.ExitError", "Runtime\\.ExitError|Runtime exited with error"));
    private static final List<LogPattern> NODE = List.of(
            LogPattern.of("Unhandled promise rejection", "(?i)unhandled ?promise ?rejection"),
            LogPattern.of("Invoke Error", "\\tERROR\\tInvoke Error"),
            LogPattern.of("Uncaught exception", "(?i)uncaught ?exception"));
    private static final List<LogPattern> JAVA = List.of(
            LogPattern.of("Java exception", "\\b(?:java|javax|jakarta)\\.[\\w.$]*(?:Error|Exception)\\b"));
    private static final List<LogPattern> GENERIC_LAST = List.of(
            LogPattern.of("Traceback", "Traceback \\(most recent call last\\)"),
            LogPattern.of("[ERROR]", "\\[ERROR\\]|\\[CRITICAL\\]|\\[FATAL\\]"));

    private DefaultLogPatterns() {
    }

    /** The patterns for {@code runtime} (e.g. {@code python3.12}); all of them when it is unknown. */
    public static List<LogPattern> forRuntime(String runtime) {
        String r = runtime == null ? "" : runtime.toLowerCase(Locale.ROOT);
        boolean python = r.startsWith("python");
        boolean node = r.startsWith("nodejs");
        boolean java = r.startsWith("java");
        boolean any = !(python || node || java);
        List<LogPattern> patterns = new ArrayList<>(COMMON_FIRST);
        if (python || any) {
            patterns.addAll(PYTHON);
        }
        patterns.addAll(COMMON_RUNTIME);
        if (node || any) {
            patterns.addAll(NODE);
        }
        if (java || any) {
            patterns.addAll(JAVA);
        }
        patterns.addAll(GENERIC_LAST);
        return List.copyOf(patterns);
    }
}
