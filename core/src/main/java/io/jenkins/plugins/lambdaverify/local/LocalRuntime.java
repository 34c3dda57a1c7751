package io.jenkins.plugins.lambdaverify.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the local mode: checks a function's configuration (runtime, interpreter, artifact, handler)
 * and opens a {@link LocalFunctionTransport} for it. Every mistake is a {@link LocalRuntimeException} with a
 * one-line message.
 */
public final class LocalRuntime {
    private final InterpreterLocator interpreters;

    public LocalRuntime(InterpreterLocator interpreters) {
        this.interpreters = interpreters;
    }

    /** Interpreters from this process's PATH. */
    public static LocalRuntime onPath() {
        return new LocalRuntime(InterpreterLocator.fromEnvironment());
    }

    /** A function of a built SAM template, by logical id (or FunctionName). */
    public LocalFunctionTransport open(Path template, String logicalId, String region, LocalLogBuffer logs,
                                       int poolSize) {
        SamFunction function = new SamTemplateReader(region).read(template).function(logicalId);
        return open(LocalFunctionConfig.of(function, region), logs, poolSize);
    }

    public LocalFunctionTransport open(LocalFunctionConfig config, LocalLogBuffer logs, int poolSize) {
        RuntimeLanguage language = RuntimeLanguage.of(config.runtime(), config.functionName());
        Path artifact = config.artifactDir();
        if (!Files.isDirectory(artifact)) {
            throw new LocalRuntimeException("artifact directory " + artifact + " of function " + config.functionName()
                    + " not found; run `sam build` first (or fix CodeUri/artifact)");
        }
        checkHandler(language, config);
        Interpreter interpreter = interpreters.locate(language, config.runtime());
        return new LocalFunctionTransport(config, interpreter, logs, poolSize);
    }

    /** The handler's module must be in the artifact; what it imports is checked by running it. */
    static void checkHandler(RuntimeLanguage language, LocalFunctionConfig config) {
        String handler = config.handler();
        String function = config.functionName();
        if (handler == null || handler.isBlank()) {
            throw new LocalRuntimeException("function " + function + " has no Handler; set Handler (e.g. app.handler)");
        }
        int slash = handler.lastIndexOf('/') + 1;
        int dot = language == RuntimeLanguage.PYTHON ? handler.lastIndexOf('.') : handler.indexOf('.', slash);
        if (dot <= slash || dot == handler.length() - 1) {
            throw new LocalRuntimeException("handler '" + handler + "' of function " + function
                    + " is malformed; write it as module.function (e.g. app.handler)");
        }
        String module = handler.substring(0, dot);
        Path root = config.artifactDir();
        boolean found;
        String expected;
        if (language == RuntimeLanguage.PYTHON) {
            Path base = root.resolve(module.replace('.', '/').replace("//", "/"));
            found = Files.isRegularFile(Path.of(base + ".py")) || Files.isDirectory(base)
                    || Files.isRegularFile(Path.of(base + ".pyc")) || hasExtensionModule(base);
            expected = module.replace('.', '/') + ".py";
        } else {
            Path base = root.resolve(module);
            found = Files.isRegularFile(Path.of(base + ".js")) || Files.isRegularFile(Path.of(base + ".mjs"))
                    || Files.isRegularFile(Path.of(base + ".cjs"));
            expected = module + ".js, .mjs or .cjs";
        }
        if (!found) {
            throw new LocalRuntimeException("handler '" + handler + "' of function " + function + ": no " + expected
                    + " in " + root + "; check Handler and CodeUri");
        }
    }

    private static boolean hasExtensionModule(Path base) {
        Path dir = base.getParent();
        String prefix = base.getFileName() + ".";
        if (dir == null || !Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".so"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
