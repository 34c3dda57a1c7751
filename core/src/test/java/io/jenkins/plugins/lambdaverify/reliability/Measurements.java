package io.jenkins.plugins.lambdaverify.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Run times of the fault cells, appended to {@code target/reliability/timings.tsv} (cell, elapsed ms, bound ms) so
 * the reliability report can state the largest overrun of any deadline.
 */
final class Measurements {
    private static final Path FILE = Path.of("target", "reliability", "timings.tsv");

    private Measurements() {
    }

    static synchronized void record(String cell, Duration elapsed, Duration bound) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, cell + "\t" + elapsed.toMillis() + "\t" + bound.toMillis() + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot record timing: " + e, e);
        }
    }
}
