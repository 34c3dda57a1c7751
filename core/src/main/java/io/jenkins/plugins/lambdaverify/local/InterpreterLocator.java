package io.jenkins.plugins.lambdaverify.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Finds {@code python3} and {@code node} on PATH, preferring the runtime's exact version where it is installed
 * ({@code python3.12} for {@code python3.12}). The executable is asked for its real path, so a shim (pyenv, nvm)
 * is resolved once and the function runs without the shim's environment.
 */
public class InterpreterLocator {
    private static final String PROBE_PYTHON = "import sys, platform; print(sys.executable); "
            + "print(platform.python_version())";
    private static final String PROBE_NODE = "console.log(process.execPath); console.log(process.version)";

    private final String path;
    private final Map<String, Interpreter> cache = new HashMap<>();

    /** @param path a PATH value (directories separated by the platform's path separator) */
    public InterpreterLocator(String path) {
        this.path = path == null ? "" : path;
    }

    /** Looks on this process's PATH. */
    public static InterpreterLocator fromEnvironment() {
        return new InterpreterLocator(System.getenv("PATH"));
    }

    public Interpreter locate(RuntimeLanguage language) {
        return locate(language, null);
    }

    /** The interpreter for a runtime id: {@code python3.12} on PATH if there, else {@code python3}; {@code node}. */
    public synchronized Interpreter locate(RuntimeLanguage language, String runtime) {
        String exact = runtime == null ? null : runtime.trim().toLowerCase(Locale.ROOT);
        List<String> commands = language == RuntimeLanguage.PYTHON && exact != null && !exact.equals(language.command())
                ? List.of(exact, language.command()) : List.of(language.command());
        LocalRuntimeException broken = null;
        for (String command : commands) {
            Interpreter cached = cache.get(command);
            if (cached != null) {
                return cached;
            }
            Path candidate = onPath(command);
            if (candidate == null) {
                continue;
            }
            try {
                Interpreter found = probe(language, candidate);
                cache.put(command, found);
                return found;
            } catch (LocalRuntimeException e) {
                // e.g. a pyenv shim for a version that is not installed: try the next one
                broken = broken == null ? e : broken;
            }
        }
        if (broken != null) {
            throw broken;
        }
        throw new LocalRuntimeException("'" + language.command() + "' is not on PATH; install it to run "
                + (language == RuntimeLanguage.PYTHON ? "python3.x" : "nodejs*.x") + " functions locally");
    }

    private Path onPath(String command) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path file = Path.of(dir, command);
            if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                return file;
            }
        }
        return null;
    }

    private static Interpreter probe(RuntimeLanguage language, Path candidate) {
        List<String> command = new ArrayList<>(List.of(candidate.toString(),
                language == RuntimeLanguage.PYTHON ? "-c" : "-e",
                language == RuntimeLanguage.PYTHON ? PROBE_PYTHON : PROBE_NODE));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new LocalRuntimeException(candidate + " does not run (" + firstLine(out)
                        + "); fix the installation or PATH");
            }
            String[] lines = new String(out, StandardCharsets.UTF_8).strip().split("\\R");
            Path executable = lines.length > 0 && !lines[0].isBlank() ? Path.of(lines[0].strip()) : candidate;
            return new Interpreter(language, executable, lines.length > 1 ? lines[1].strip() : "unknown");
        } catch (IOException e) {
            throw new LocalRuntimeException(candidate + " cannot be started: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalRuntimeException("interrupted while probing " + candidate, e);
        }
    }

    private static String firstLine(byte[] out) {
        String text = new String(out, StandardCharsets.UTF_8).strip();
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
