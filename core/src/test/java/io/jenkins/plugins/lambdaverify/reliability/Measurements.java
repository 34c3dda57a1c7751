package io.jenkins.plugins.lambdaverify.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One line per fault cell in {@code target/reliability/timings.tsv} (method, invocation index, row, column,
 * expectation, elapsed ms, bound ms): bin/reliability-report joins it with the surefire XML (pass or fail by
 * method and index) to write docs/reliability.md, including the largest overrun of any deadline.
 */
final class Measurements {
    private static final Path FILE = Path.of("target", "reliability", "timings.tsv");

    private Measurements() {
    }

    static synchronized void reset() {
        try {
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reset timings: " + e, e);
        }
    }

    static synchronized void record(String method, int index, String row, String column, String expected,
                                    Duration elapsed, Duration bound) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, String.join("\t", method, String.valueOf(index), row, column, expected,
                    String.valueOf(elapsed.toMillis()), String.valueOf(bound.toMillis())) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot record timing: " + e, e);
        }
    }
}
