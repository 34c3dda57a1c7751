package io.jenkins.plugins.lambdaverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/cli.md shows the real help: a flag added, renamed or reworded fails here until the page is updated. */
class CliDocsTest {
    private static String docs() throws Exception {
        Path file = IncidentEndToEndTest.exampleApp().getParent().getParent().resolve("docs/cli.md");
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void theHelpOfEveryCommandIsQuotedVerbatim() throws Exception {
        String docs = docs();
        for (String[] args : new String[][] {{"--help"}, {"run", "--help"}, {"validate", "--help"}, {"serve", "--help"}}) {
            Cli.Result r = Cli.run(args);
            // picocli ends help lines with %n: CRLF on Windows, while the page keeps LF (.gitattributes)
            String help = r.out().replace("\r\n", "\n");
            assertThat(docs).as("docs/cli.md must quote the output of 'lambda-verify %s' (paste it from "
                    + "java -jar cli/target/lambda-verify.jar %s)", String.join(" ", args), String.join(" ", args))
                    .contains("```text\n" + help + "```");
        }
    }

    @Test
    void everyFlagHasATableRowAndEveryExitCodeIsExplained() throws Exception {
        String docs = docs();
        CommandLine cli = LambdaVerifyCommand.create();
        for (String command : new String[] {"run", "validate", "serve"}) {
            for (CommandLine.Model.OptionSpec o : cli.getSubcommands().get(command).getCommandSpec().options()) {
                // picocli shows a negatable --progress as --[no-]progress
                String name = o.negatable() ? o.longestName().replace("--", "--[no-]") : o.longestName();
                assertThat(docs).as("%s %s", command, name).containsPattern("(?m)^\\| `[^`]*"
                        + java.util.regex.Pattern.quote(name) + "[^`]*` \\|");
            }
        }
        for (int code = 0; code <= 5; code++) {
            assertThat(docs).containsPattern("(?m)^\\| " + code + " \\| \\S");
        }
        assertThat(docs).contains("GITHUB_STEP_SUMMARY", "## Ctrl-C", "### GitHub Actions", "### GitLab CI",
                "### A plain shell script", "## Precedence");
    }
}
