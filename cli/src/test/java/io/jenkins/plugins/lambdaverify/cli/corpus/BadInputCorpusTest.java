package io.jenkins.plugins.lambdaverify.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.cli.LambdaVerifyCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code src/test/resources/corpus} is one bad input: a config ({@code NAME.yaml}, run with
 * {@code lambda-verify run -c NAME.yaml}) or a command line ({@code args-NAME.args}, one argument a line,
 * {@code ${CORPUS}} for the corpus folder). Its {@code NAME.expected} sidecar holds {@code message: } (text stderr
 * must contain) and, for configs, {@code location: line:column}. Every case must end with exit code 2, name the
 * place and the problem, and print no stack trace.
 */
class BadInputCorpusTest {
    static final int USAGE = 2;

    @TempDir
    Path reports;

    static Path corpus() throws URISyntaxException {
        return Path.of(BadInputCorpusTest.class.getResource("/corpus").toURI());
    }

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(corpus())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") || n.endsWith(".args")).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusHasAtLeastFortyCasesEachWithItsExpectation() throws Exception {
        List<String> cases = cases().toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        for (String c : cases) {
            assertThat(corpus().resolve(sidecar(c))).as("expectation of " + c).exists();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(30)
    void endsWithUsageErrorAPlaceAndAMessage(String name) throws Exception {
        Path file = corpus().resolve(name);
        List<String> args = new ArrayList<>();
        if (name.endsWith(".yaml")) {
            args.addAll(List.of("run", "-c", file.toString(), "--report-dir", reports.toString()));
        } else {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isEmpty()) {
                    args.add(line.replace("${CORPUS}", corpus().toString()));
                }
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = LambdaVerifyCommand.execute(args.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        String stderr = err.toString();
        Path expectedFile = corpus().resolve(sidecar(name));
        Map<String, String> expected = Expectation.read(expectedFile);
        String context = name + " gave exit " + exit + ", stderr:\n" + stderr + "\nstdout:\n" + out;

        assertThat(exit).as(context).isEqualTo(USAGE);
        assertThat(stderr).as(context).contains(expected.get("message"));
        if (expected.containsKey("location")) {
            assertThat(stderr).as(context).contains(file + ":" + expected.get("location") + ": ");
        }
        // no stack trace, no internal error: a user mistake is one clear line
        for (String output : List.of(stderr, out.toString())) {
            assertThat(output).as(context).doesNotContain("\tat ").doesNotContain("Exception:")
                    .doesNotContain("internal error").doesNotContainPattern("\\bat [a-z]+(\\.[a-zA-Z$]+)+\\(");
        }
    }

    private static String sidecar(String name) {
        return name.substring(0, name.lastIndexOf('.')) + ".expected";
    }

    /** The {@code key: value} lines of a sidecar. */
    static final class Expectation {
        static Map<String, String> read(Path file) throws IOException {
            Map<String, String> values = new java.util.LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    values.put(line.substring(0, colon).strip(), line.substring(colon + 2));
                }
            }
            if (!values.containsKey("message")) {
                throw new IllegalStateException(file + " has no 'message: ' line");
            }
            return values;
        }
    }
}
