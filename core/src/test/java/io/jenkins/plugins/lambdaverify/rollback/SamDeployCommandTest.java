package io.jenkins.plugins.lambdaverify.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.lambdaverify.spec.RollbackSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Parameter values reach CloudFormation unchanged through sam deploy's own parsing of --parameter-overrides. */
class SamDeployCommandTest {

    /**
     * How sam deploy reads one {@code --parameter-overrides} argument, as its documentation and parser describe it:
     * {@code Key=Value} pairs after a space, a value either quoted ("..." or '...', backslash escapes) or running up
     * to the next space; wrapping quotes removed, then {@code \ }, {@code \"} and {@code \'} unescaped.
     */
    static Map<String, String> samReads(String arg) {
        Pattern pair = Pattern.compile("(?: )([A-Za-z0-9\"']+)=(\"(?:\\\\.|[^\"\\\\]+)*\"|'(?:\\\\.|[^'\\\\]+)*'"
                + "|(?:\\\\.|[^ \"\\\\]+)+)");
        Matcher m = pair.matcher(" " + arg.strip());
        Map<String, String> out = new LinkedHashMap<>();
        while (m.find()) {
            out.put(unquote(m.group(1)), unquote(m.group(2)));
        }
        return out;
    }

    private static String unquote(String v) {
        String s = v;
        if (!s.isEmpty() && s.charAt(0) == s.charAt(s.length() - 1) && (s.charAt(0) == '"' || s.charAt(0) == '\'')) {
            s = s.length() == 1 ? "" : s.substring(1, s.length() - 1);
        }
        return s.replace("\\ ", " ").replace("\\\"", "\"").replace("\\'", "'");
    }

    @Test
    void valuesRoundTripThroughSamsParser() {
        for (String value : List.of("prod", "hello world", "it's \"quoted\" and spaced", "", "a,b,c", "C:\\temp\\x",
                "x=y", "'wrapped'", "tab\there", "50%", "/orders/prod/db-host", "{\"json\": [1, 2]}", "line\nbreak")) {
            String arg = SamDeployCommand.parameterOverride("Key1", value);
            assertThat(arg).as(value).isNotNull();
            assertThat(samReads(arg)).as(arg).containsExactly(Map.entry("Key1", value));
        }
    }

    @Test
    void plainValuesStayReadable() {
        assertThat(SamDeployCommand.parameterOverride("Stage", "prod")).isEqualTo("Stage=prod");
        assertThat(SamDeployCommand.parameterOverride("Subnets", "subnet-1,subnet-2"))
                .isEqualTo("Subnets=subnet-1,subnet-2");
        assertThat(SamDeployCommand.parameterOverride("Greeting", "hello world")).isEqualTo("Greeting=\"hello world\"");
    }

    @Test
    void valuesSamCannotReadBackAreRefused() {
        // a backslash before a space or a quote is unescaped by sam, a trailing one escapes the closing quote
        for (String value : List.of("a\\ b", "a\\\"b", "a\\'b", "ends\\")) {
            assertThat(SamDeployCommand.parameterOverride("Key1", value)).as(value).isNull();
        }
        assertThat(SamDeployCommand.parameterOverride("Not-Alphanumeric", "x")).isNull();
        assertThatThrownBy(() -> SamDeployCommand.build(null, "t.yaml", "s", null, List.of(), Map.of("K", "ends\\")))
                .hasMessage("parameter K: sam deploy cannot take its value unchanged (a backslash before a space, a "
                        + "quote or the end of the value)");
    }

    @Test
    void explicitCapabilitiesAndParametersReplaceTheSettingsOnes() {
        RollbackSpec.Sam sam = new RollbackSpec.Sam(null, null, null, List.of("CAPABILITY_NAMED_IAM"),
                Map.of("Ignored", "x"), "bucket", List.of("--no-progressbar"));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Stage", "prod");
        parameters.put("Greeting", "hello world");
        assertThat(SamDeployCommand.build(sam, "/r/rollback-point/template.yaml", "orders-api", "eu-west-1",
                List.of("CAPABILITY_IAM"), parameters)).containsExactly("sam", "deploy", "--template-file",
                "/r/rollback-point/template.yaml", "--stack-name", "orders-api", "--no-fail-on-empty-changeset",
                "--no-confirm-changeset", "--region", "eu-west-1", "--capabilities", "CAPABILITY_IAM",
                "--parameter-overrides", "Stage=prod", "Greeting=\"hello world\"", "--s3-bucket", "bucket",
                "--no-progressbar");
    }
}
