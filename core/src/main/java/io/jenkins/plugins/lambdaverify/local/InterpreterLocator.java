package io.jenkins.plugins.lambdaverify.local;

import io.jenkins.plugins.lambdaverify.platform.HostPlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * is resolved once and the function runs without the shim's environment. On Windows {@code PATHEXT} applies
 * ({@code node.exe}) and {@code python} (python.org's name there) is tried after {@code python3}.
 */
public class InterpreterLocator {
    private static final String PROBE_PYTHON = "import sys, platform; print(sys.executable); "
            + "print(platform.python_version())";
    private static final String PROBE_NODE = "console.log(process.execPath); console.log(process.version)";

    private final HostPlatform platform;
    private final Map<String, Interpreter> cache = new HashMap<>();

    /** @param path a PATH value (directories separated by this machine's path separator) */
    public InterpreterLocator(String path) {
        this(HostPlatform.current().withPath(path));
    }

    /** Looks on the platform's PATH with its rules. */
    public InterpreterLocator(HostPlatform platform) {
        this.platform = platform;
    }

    /** Looks on this process's PATH. */
    public static InterpreterLocator fromEnvironment() {
        return new InterpreterLocator(HostPlatform.current());
    }

    public Interpreter locate(RuntimeLanguage language) {
        return locate(language, null);
    }

    /** The interpreter for a runtime id: {@code python3.12} on PATH if there, else {@code python3}; {@code node}. */
    public synchronized Interpreter locate(RuntimeLanguage language, String runtime) {
        List<String> commands = commands(language, runtime);
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
        String names = platform.windows() && language == RuntimeLanguage.PYTHON
                ? "neither 'python3' nor 'python' is" : "'" + language.command() + "' is not";
        throw new LocalRuntimeException(names + " on PATH; install it to run "
                + (language == RuntimeLanguage.PYTHON ? "python3.x" : "nodejs*.x") + " functions locally");
    }

    /** The commands tried in order: the runtime's exact Python first; {@code python} last on Windows only. */
    List<String> commands(RuntimeLanguage language, String runtime) {
        List<String> commands = new ArrayList<>();
        String exact = runtime == null ? null : runtime.trim().toLowerCase(Locale.ROOT);
        if (language == RuntimeLanguage.PYTHON && exact != null && !exact.equals(language.command())) {
            commands.add(exact);
        }
        commands.add(language.command());
        // Elsewhere `python` may still be Python 2; on Windows it is what python.org installs.
        if (language == RuntimeLanguage.PYTHON && platform.windows()) {
            commands.add("python");
        }
        return commands;
    }

    private Path onPath(String command) {
        return platform.find(command).orElse(null);
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
