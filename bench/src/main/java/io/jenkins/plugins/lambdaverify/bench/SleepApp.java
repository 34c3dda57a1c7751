package io.jenkins.plugins.lambdaverify.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes the benchmark's files: the sleeping function as a SAM build, and the two baseline scripts. */
final class SleepApp {
    static final String FUNCTION = "SleepFunction";

    private SleepApp() {
    }

    /** {@code <dir>/.aws-sam/build/template.yaml} and {@code .../SleepFunction/app.py}; returns the template. */
    static Path writeBuild(Path dir) {
        Path build = dir.resolve(".aws-sam/build");
        copy("sleep-app/template.yaml", build.resolve("template.yaml"));
        copy("sleep-app/app.py", build.resolve(FUNCTION).resolve("app.py"));
        return build.resolve("template.yaml");
    }

    static Path writeScript(Path dir, String name) {
        Path target = dir.resolve(name);
        copy(name, target);
        target.toFile().setExecutable(true);
        return target;
    }

    private static void copy(String resource, Path target) {
        try (InputStream in = SleepApp.class.getResourceAsStream("/bench/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /bench/" + resource);
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
