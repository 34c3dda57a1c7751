package io.jenkins.plugins.lambdaverify.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import io.jenkins.plugins.lambdaverify.engine.Redactor;
import io.jenkins.plugins.lambdaverify.platform.HostPlatform;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome.Status;
import io.jenkins.plugins.lambdaverify.spec.RollbackSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** sam and command rollbacks through the real process runner, with a recording executable standing in for sam. */
@Timeout(60)
class CommandRollbackTest {
    /** Why most of these tests are disabled on Windows. */
    static final String POSIX_SAM = "the fake sam is a #!/bin/sh script made executable with POSIX permissions";
    @TempDir
    Path dir;

    private final CommandRollback rollback = new CommandRollback(new LocalProcessRunner(), ProgressListener.NONE,
            Redactor.NONE);

    /** A fake `sam` that writes each argument on its own line, prints some output and exits with a code. */
    private Path recordingExecutable(String name, String extra) throws IOException {
        Path exe = dir.resolve(name);
        Files.writeString(exe, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"" + dir.resolve("args.txt")
                + "\"\necho 'Successfully created/updated stack'\n" + extra + "\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        return exe;
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_SAM)
    void samDeployGetsTheExactArgumentList() throws IOException {
        Path sam = recordingExecutable("sam", "exit 0");
        RollbackSpec.Sam settings = new RollbackSpec.Sam(null, null, null, List.of("CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"),
                Map.of("Greeting", "it's \"quoted\" and spaced"), "artifacts-bucket", List.of("--tags", "team=core"));
        List<String> command = SamDeployCommand.build(settings, "prev packaged.yaml", "orders-api", "eu-west-1");
        command.set(0, sam.toString());

        RollbackOutcome outcome = rollback.run("sam", command, Map.of(), dir, Duration.ofSeconds(30), false, "8", "prev packaged.yaml");

        assertThat(outcome.status()).isEqualTo(Status.DONE);
        assertThat(Files.readAllLines(dir.resolve("args.txt"))).containsExactly("deploy", "--template-file",
                "prev packaged.yaml", "--stack-name", "orders-api", "--no-fail-on-empty-changeset",
                "--no-confirm-changeset", "--region", "eu-west-1", "--capabilities", "CAPABILITY_IAM",
                "CAPABILITY_AUTO_EXPAND", "--parameter-overrides", "Greeting=\"it's \\\"quoted\\\" and spaced\"", "--s3-bucket",
                "artifacts-bucket", "--tags", "team=core");
        assertThat(outcome.output()).containsExactly("Successfully created/updated stack");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_SAM)
    void failingCommandIsAFailedRollbackWithItsOutput() throws IOException {
        Path sam = recordingExecutable("sam", "echo 'Error: stack is in UPDATE_ROLLBACK_FAILED state' >&2; exit 1");
        RollbackOutcome outcome = rollback.run("sam", List.of(sam.toString(), "deploy"), Map.of(), dir,
                Duration.ofSeconds(30), false, "8", "7");
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).endsWith("exited with code 1");
        assertThat(outcome.output()).contains("Error: stack is in UPDATE_ROLLBACK_FAILED state");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_SAM)
    void hangingCommandIsKilledAtItsTimeout() throws IOException {
        Path sam = recordingExecutable("sam", "sleep 600");
        RollbackOutcome outcome = rollback.run("sam", List.of(sam.toString(), "deploy"), Map.of(), dir,
                Duration.ofSeconds(1), false, "8", "7");
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).contains("did not finish").contains("killed");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_SAM)
    void withWindowsRulesABareSamRunsTheSamCmdOnPath() throws IOException {
        // Windows installs sam as sam.cmd, which ProcessBuilder alone does not find. Here the .cmd is a sh script.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        recordingExecutable("bin/sam.cmd", "exit 0");
        LocalProcessRunner windowsRules = new LocalProcessRunner(new HostPlatform(true, bin.toString(), null, null));
        RollbackOutcome outcome = new CommandRollback(windowsRules, ProgressListener.NONE, Redactor.NONE)
                .run("sam", List.of("sam", "deploy", "--stack-name", "orders api"), Map.of(), dir,
                        Duration.ofSeconds(30), false, "8", "7");
        assertThat(outcome.status()).as(outcome.reason()).isEqualTo(Status.DONE);
        assertThat(Files.readAllLines(dir.resolve("args.txt"))).containsExactly("deploy", "--stack-name", "orders api");
    }

    @Test
    void missingSamIsAClearError() {
        RollbackOutcome outcome = rollback.run("sam", List.of("sam-is-not-installed-here", "deploy"), Map.of(), dir,
                Duration.ofSeconds(5), false, "8", "7");
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("cannot run 'sam-is-not-installed-here': not found on PATH or not executable");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_SAM)
    void dryRunRunsNothingAndQuotesArguments() throws IOException {
        Path sam = recordingExecutable("sam", "exit 0");
        RollbackOutcome outcome = rollback.run("command", List.of(sam.toString(), "a b", "it's"), Map.of(), dir,
                Duration.ofSeconds(5), true, "8", "7");
        assertThat(outcome.status()).isEqualTo(Status.DRY_RUN);
        assertThat(outcome.reason()).isEqualTo("would run: " + sam + " 'a b' 'it'\\''s'");
        assertThat(dir.resolve("args.txt")).doesNotExist();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_SAM)
    void secretsInOutputAreMasked() throws IOException {
        Path cmd = recordingExecutable("deploy.sh", "echo 'token=SUPERSECRET'");
        Redactor redactor = new Redactor() {
            @Override
            public String text(String text) {
                return text.replace("SUPERSECRET", "****");
            }

            @Override
            public String path(String p) {
                return p;
            }
        };
        RollbackOutcome outcome = new CommandRollback(new LocalProcessRunner(), ProgressListener.NONE, redactor)
                .run("command", List.of(cmd.toString()), Map.of(), dir, Duration.ofSeconds(10), false, "8", "7");
        assertThat(outcome.output()).contains("token=****").noneMatch(l -> l.contains("SUPERSECRET"));
    }
}
