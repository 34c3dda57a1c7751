package io.jenkins.plugins.lambdaverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate}, {@code --help} and {@code --version}: what a user runs before anything else. */
@Timeout(30)
class ValidateAndHelpTest {
    @TempDir
    Path dir;

    @Test
    void validatePrintsThePhasesAndChecksOfTheExample() {
        Path file = IncidentEndToEndTest.exampleApp().resolve("lambda-verify.yaml");

        Cli.Result r = Cli.run("validate", "-c", file.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.PASSED);
        assertThat(r.outLines()).containsExactly(
                file + " is valid: 3 phase(s), 13 check(s)",
                "  public",
                "    GET /health -> 200",
                "    GET / -> 200",
                "    GET /api/v1/notification-webhooks/health -> 200",
                "  unauthenticated",
                "    GET /api/v1/providers -> 401|307",
                "    GET /api/v1/licenses -> 401|307",
                "    GET /api/v1/documents -> 401|307",
                "    GET /api/v1/cme-activities -> 401|307",
                "    GET /api/v1/compliance -> 401|307",
                "    GET /api/v1/notifications -> 401|307",
                "    GET /api/v1/messaging (browser) -> 307",
                "    GET /api/v1/reports with an invalid token -> 401",
                "  error-handling",
                "    GET /api/v1/does-not-exist -> 404",
                "    GET /nope -> 404");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void validateOfABadFileExitsTwoWithFileLineColumn() throws Exception {
        Path file = dir.resolve("lambda-verify.yaml");
        Files.writeString(file, """
                version: 1
                target:
                  function: fn
                phases:
                  - name: public
                    checks:
                      - GET /health: 2000
                  - name: empty
                    checks: []
                """, StandardCharsets.UTF_8);

        Cli.Result r = Cli.run("validate", "--config", file.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(2).allMatch(l -> l.matches("error: " + java.util.regex.Pattern.quote(
                file.toString()) + ":\\d+:\\d+: .+"));
        assertThat(r.errLines().getFirst()).isEqualTo("error: " + file
                + ":7:22: status 2000 is not an HTTP status code (100-599)");
        assertThat(r.errLines().get(1)).startsWith("error: " + file + ":9:");
    }

    @Test
    void everyCommandHasHelpThatExitsZero() {
        for (String command : new String[] {"run", "validate", "serve"}) {
            Cli.Result r = Cli.run(command, "--help");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).startsWith("Usage: lambda-verify " + command + " ");
            assertThat(r.err()).isEmpty();
        }
        Cli.Result run = Cli.run("help", "run");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--endpoint-url=URL", "--rollback=STRATEGY", "--dry-run", "--report-dir=DIR");
        Cli.Result top = Cli.run("--help");
        assertThat(top.out()).contains("Exit codes:", "  5   checks failed and the rollback was refused or failed");
    }

    @Test
    void versionAndNoCommand() {
        Cli.Result v = Cli.run("--version");
        assertThat(v.exitCode()).isZero();
        assertThat(v.outLines().getFirst()).startsWith("lambda-verify ");

        Cli.Result none = Cli.run();
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.errLines()).containsExactly("lambda-verify: a command is required: run, validate or serve",
                "Try 'lambda-verify --help' for more information.");
    }

    @Test
    void theAwsSdksLoggingIsBoundSoSlf4jPrintsNoWarningsToStderr() {
        // without a provider SLF4J writes "No SLF4J providers were found" (1.7: three lines) on every run
        assertThat(java.util.ServiceLoader.load(org.slf4j.spi.SLF4JServiceProvider.class).findFirst()).isPresent();
    }
}
