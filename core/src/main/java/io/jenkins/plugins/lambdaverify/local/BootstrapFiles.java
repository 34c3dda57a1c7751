package io.jenkins.plugins.lambdaverify.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The bootstrap scripts, copied once per JVM from the classpath to a private directory (the runtime dir). */
final class BootstrapFiles {
    private static Path dir;

    private BootstrapFiles() {
    }

    static synchronized Path dir() {
        if (dir == null) {
            try {
                Path created = Files.createTempDirectory("lambda-verify-runtime-");
                for (RuntimeLanguage language : RuntimeLanguage.values()) {
                    try (InputStream in = BootstrapFiles.class.getResourceAsStream(language.bootstrapResource())) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + language.bootstrapResource());
                        }
                        Files.copy(in, created.resolve(language.bootstrapResource()),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                    created.resolve(language.bootstrapResource()).toFile().deleteOnExit();
                }
                created.toFile().deleteOnExit();
                dir = created;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the local bootstrap to the temp directory", e);
            }
        }
        return dir;
    }

    static Path script(RuntimeLanguage language) {
        return dir().resolve(language.bootstrapResource());
    }
}
