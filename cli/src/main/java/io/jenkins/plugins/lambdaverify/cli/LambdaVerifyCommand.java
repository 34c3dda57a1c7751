package io.jenkins.plugins.lambdaverify.cli;

import io.jenkins.plugins.lambdaverify.spec.SpecException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lambda-verify}: the entry point. Subcommands do the work; this maps every outcome to an exit code. */
@Command(name = "lambda-verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Proves an AWS Lambda deployment works: phased checks, log scans, JUnit reports.",
        subcommands = {RunCommand.class, ValidateCommand.class, ServeCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all checks passed", "1:checks failed", "2:usage or config error",
                "3:infrastructure error (credentials, network, function not found, a required log scan could not run)",
                "4:checks failed and the deployment was rolled back", "5:checks failed and the rollback was refused or failed"})
public final class LambdaVerifyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, validate or serve");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (tests call this). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = create();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** picocli's message, but an unknown command is named as one ("Unmatched arguments from index 0" is not). */
    private static String describe(CommandLine.ParameterException ex, CommandLine cmd) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && cmd.getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().getFirst().startsWith("-")) {
            return "'" + u.getUnmatched().getFirst() + "' is not a command: use run, validate or serve";
        }
        return ex.getMessage();
    }

    static CommandLine create() {
        CommandLine cli = new CommandLine(new LambdaVerifyCommand());
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("lambda-verify: " + describe(ex, cmd));
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            cmd.getErr().flush();
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof SpecException se) {
                se.problems().forEach(p -> err.println("error: " + p));
                err.flush();
                return ExitCodes.USAGE;
            }
            if (ex instanceof UsageException) {
                err.println("lambda-verify: " + ex.getMessage());
                err.flush();
                return ExitCodes.USAGE;
            }
            // Not a user mistake: one line, and the trace only on request.
            err.println("lambda-verify: internal error: " + ex);
            if (System.getenv("LAMBDA_VERIFY_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("(set LAMBDA_VERIFY_DEBUG=1 for the stack trace, and please report it)");
            }
            err.flush();
            return ExitCodes.INFRASTRUCTURE;
        });
        return cli;
    }
}
