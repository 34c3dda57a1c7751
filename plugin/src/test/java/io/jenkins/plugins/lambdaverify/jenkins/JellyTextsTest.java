package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Stapler reads {@code ${%key(arg, ...)}} as a key with JEXL arguments, so a text with parentheses in a view either
 * fails to compile (the page answers 500) or renders cut short. Every {@code ${%...(...)}} in our views must be a
 * plain key of the view's properties file with plain property paths as arguments.
 */
class JellyTextsTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern TEXT = Pattern.compile("\\$\\{%([^}]*)}");
    private static final Pattern KEY_WITH_ARGUMENTS =
            Pattern.compile("([A-Za-z][A-Za-z0-9_.]*)\\(\\s*([A-Za-z_][\\w.]*(\\s*,\\s*[A-Za-z_][\\w.]*)*)\\s*\\)");

    @Test
    void textsWithArgumentsArePropertyKeysWithPlainArguments() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> views = views();
        int withArguments = 0;
        for (Path view : views) {
            Matcher m = TEXT.matcher(Files.readString(view, StandardCharsets.UTF_8));
            while (m.find()) {
                String text = m.group(1);
                if (text.indexOf('(') < 0 && text.indexOf(')') < 0) {
                    continue;
                }
                withArguments++;
                Matcher keyed = KEY_WITH_ARGUMENTS.matcher(text);
                if (!keyed.matches()) {
                    problems.add(
                            view + ": ${%" + text + "} is text with parentheses: use a key of the properties file");
                } else if (!properties(view).containsKey(keyed.group(1))) {
                    problems.add(view + ": key " + keyed.group(1) + " is missing from " + propertiesFile(view));
                }
            }
        }

        assertThat(views).isNotEmpty();
        assertThat(withArguments).as("views use keyed texts with arguments").isPositive();
        assertThat(problems).isEmpty();
    }

    @Test
    void theTitlesWithParenthesesAreInTheProperties() throws IOException {
        Path base = RESOURCES.resolve("io/jenkins/plugins/lambdaverify/jenkins");

        assertThat(properties(base.resolve("VerifyLambdaDeploymentStep/config.jelly")))
                .containsEntry("baseUrlTitle", "Base URL (http mode)")
                .containsEntry("timeoutTitle", "Timeout (seconds)");
        assertThat(properties(base.resolve("LambdaVerifyRecorder/config.jelly")))
                .containsEntry("baseUrlTitle", "Base URL (http mode)")
                .containsEntry("timeoutTitle", "Timeout (seconds)");
        assertThat(properties(base.resolve("LambdaVerifyLatencyJobAction/floatingBox.jelly")))
                .containsEntry("title", "Lambda latency (p95, ms) and cold starts");
    }

    /** The client-side validators hudson-behavior.js registers for number fields (others do nothing). */
    @Test
    void numberFieldsUseValidatorsJenkinsRegisters() throws IOException {
        Set<String> registered = Set.of(
                "number",
                "number-required",
                "non-negative-number-required",
                "positive-number",
                "positive-number-required");
        Pattern numberClass = Pattern.compile("<f:number[^>]*\\sclazz=\"([^\"]*)\"");
        List<String> used = new ArrayList<>();
        for (Path view : views()) {
            Matcher m = numberClass.matcher(Files.readString(view, StandardCharsets.UTF_8));
            while (m.find()) {
                used.add(m.group(1));
            }
        }

        assertThat(used).isNotEmpty().allSatisfy(c -> assertThat(registered).contains(c));
    }

    private static List<Path> views() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(p -> p.toString().endsWith(".jelly")).sorted().toList();
        }
    }

    private static Path propertiesFile(Path view) {
        String name = view.getFileName().toString();
        return view.resolveSibling(name.substring(0, name.length() - ".jelly".length()) + ".properties");
    }

    private static Properties properties(Path view) throws IOException {
        Properties properties = new Properties();
        Path file = propertiesFile(view);
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                properties.load(in);
            }
        }
        return properties;
    }
}
