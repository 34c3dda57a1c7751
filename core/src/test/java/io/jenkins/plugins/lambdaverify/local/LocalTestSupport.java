package io.jenkins.plugins.lambdaverify.local;

import io.jenkins.plugins.lambdaverify.testing.RequiredTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Shared fixtures: the example's builds (made once per JVM by its build script) and small functions on disk. */
public final class LocalTestSupport {
    /** Why the tests that run functions in the local runtime are disabled on Windows. */
    public static final String LINUX_SANDBOX = "runs functions in the local runtime, which emulates Lambda's Linux"
            + " sandbox (exit statuses and signals, /proc memory, POSIX paths) and has not been verified on Windows";
    static final LocalRuntime RUNTIME = LocalRuntime.onPath();
    private static Path builds;

    private LocalTestSupport() {
    }

    public static Path exampleApp() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path app = dir.resolve("examples/lazy-router-app");
            if (Files.isDirectory(app)) {
                return app;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("examples/lazy-router-app not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * {@code <tmp>/good/template.yaml} or {@code <tmp>/broken/template.yaml}, built by the example's build.py with
     * the Python the local runtime uses (the test is skipped where there is none; see {@link RequiredTools}).
     */
    public static synchronized Path builtTemplate(String variant) {
        Path python = RequiredTools.assumeInterpreter(RuntimeLanguage.PYTHON).executable();
        try {
            if (builds == null) {
                Path dir = Files.createTempDirectory("lambda-verify-example-builds");
                for (String v : List.of("good", "broken")) {
                    Process p = new ProcessBuilder(python.toString(), exampleApp().resolve("build.py").toString(),
                            "--variant", v, "--build-dir", dir.resolve(v).toString())
                            .redirectErrorStream(true).start();
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                        throw new IllegalStateException("build.py --variant " + v + " failed: " + out);
                    }
                }
                builds = dir;
            }
            return builds.resolve(variant).resolve("template.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes files (relative path -> content) into a new function directory. */
    static Path function(Path parent, String name, Map<String, String> files) {
        try {
            Path dir = Files.createDirectories(parent.resolve(name));
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalFunctionTransport open(Path dir, String handler, String runtime, Duration timeout,
                                       LocalLogBuffer logs) {
        LocalFunctionConfig config = new LocalFunctionConfig("TestFunction", dir, handler, runtime,
                Map.of("GREETING", "hello"), timeout, 256, "eu-west-1");
        return RUNTIME.open(config, logs, 1);
    }
}
