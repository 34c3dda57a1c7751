package io.jenkins.plugins.lambdaverify.logs;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Built-in patterns for the Python, Node.js and Java runtimes. Order matters: a log event counts once, for the
 * first pattern it matches, so the specific ones (what broke) come before the generic ones ({@code Traceback},
 * {@code [ERROR]}).
 */
public final class DefaultLogPatterns {
    /**
     * Literals at least one of which every match of a default pattern contains. Most log lines match no pattern,
     * and {@link String#contains} rules a pattern out far faster than running its regex (a leading {@code \\b} or
     * alternation makes the regex try every position): it made the scan several times faster. Keyed by identity,
     * so a user pattern that happens to share a name never gets them. Case-insensitive patterns have none.
     */
    private static final Map<LogPattern, List<String>> REQUIRED_LITERALS = new IdentityHashMap<>();

    private static final List<LogPattern> COMMON_FIRST = List.of(
            hinted("Runtime.ImportModuleError", "Runtime\\.ImportModuleError", "Runtime.ImportModuleError"),
            hinted("Runtime.HandlerNotFound", "Runtime\\.HandlerNotFound", "Runtime.HandlerNotFound"),
            hinted("Runtime.UserCodeSyntaxError", "Runtime\\.UserCodeSyntaxError", "Runtime.UserCodeSyntaxError"));
    private static final List<LogPattern> PYTHON = List.of(
            hinted("ModuleNotFoundError", "\\bModuleNotFoundError\\b", "ModuleNotFoundError"),
            hinted("ImportError", "\\bImportError\\b", "ImportError"));
    private static final List<LogPattern> COMMON_RUNTIME = List.of(
            hinted("Task timed out", "Task timed out after", "Task timed out after"),
            hinted("Out of memory", "Runtime\\.OutOfMemory|signal: killed|\\bMemoryError\\b"
                    + "|JavaScript heap out of memory|java\\.lang\\.OutOfMemoryError",
                    "Runtime.OutOfMemory", "signal: killed", "MemoryError", "JavaScript heap out of memory",
                    "java.lang.OutOfMemoryError"),
            hinted("Runtime.ExitError", "Runtime\\.ExitError|Runtime exited with error", "Runtime.ExitError",
                    "Runtime exited with error"));
    private static final List<LogPattern> NODE = List.of(
            LogPattern.of("Unhandled promise rejection", "(?i)unhandled ?promise ?rejection"),
            hinted("Invoke Error", "\\tERROR\\tInvoke Error", "\tERROR\tInvoke Error"),
            LogPattern.of("Uncaught exception", "(?i)uncaught ?exception"));
    private static final List<LogPattern> JAVA = List.of(
            hinted("Java exception", "\\b(?:java|javax|jakarta)\\.[\\w.$]*(?:Error|Exception)\\b", "java.", "javax.",
                    "jakarta."));
    private static final List<LogPattern> GENERIC_LAST = List.of(
            hinted("Traceback", "Traceback \\(most recent call last\\)", "Traceback (most recent call last)"),
            hinted("[ERROR]", "\\[ERROR\\]|\\[CRITICAL\\]|\\[FATAL\\]", "[ERROR]", "[CRITICAL]", "[FATAL]"));

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

    /**
     * Whether {@code message} may match {@code pattern}: false only when it is a default pattern and the message
     * contains none of the literals every match contains. Always true for user patterns.
     */
    static boolean mayMatch(LogPattern pattern, String message) {
        List<String> literals = REQUIRED_LITERALS.get(pattern);
        if (literals == null) {
            return true;
        }
        for (String literal : literals) {
            if (message.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    /** The required literals of a default pattern, or {@code null} (tests check them against the regexes). */
    static List<String> requiredLiterals(LogPattern pattern) {
        return REQUIRED_LITERALS.get(pattern);
    }

    private static LogPattern hinted(String name, String regex, String... literals) {
        LogPattern pattern = LogPattern.of(name, regex);
        REQUIRED_LITERALS.put(pattern, List.of(literals));
        return pattern;
    }
}
