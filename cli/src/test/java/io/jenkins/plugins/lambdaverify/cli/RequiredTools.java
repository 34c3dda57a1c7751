package io.jenkins.plugins.lambdaverify.cli;

import static org.junit.jupiter.api.Assertions.fail;

import io.jenkins.plugins.lambdaverify.local.Interpreter;
import io.jenkins.plugins.lambdaverify.local.InterpreterLocator;
import io.jenkins.plugins.lambdaverify.local.LocalRuntimeException;
import io.jenkins.plugins.lambdaverify.local.RuntimeLanguage;
import org.junit.jupiter.api.Assumptions;

/**
 * The CLI tests' gate for a program the build does not bring (core's tests have the same one): missing, the test
 * is skipped saying so; with {@code -Dlambdaverify.tools.required=true} (bin/test) it fails instead.
 */
final class RequiredTools {
    static final String REQUIRED = "lambdaverify.tools.required";
    /** Why the tests that run functions in the local runtime are disabled on Windows. */
    static final String LINUX_SANDBOX = "runs functions in the local runtime, which emulates Lambda's Linux"
            + " sandbox (exit statuses and signals, /proc memory, POSIX paths) and has not been verified on Windows";

    private RequiredTools() {
    }

    /** Python 3 or Node.js as the local runtime finds them; otherwise the test is skipped (or fails). */
    static Interpreter assumeInterpreter(RuntimeLanguage language) {
        try {
            return InterpreterLocator.fromEnvironment().locate(language);
        } catch (LocalRuntimeException e) {
            String reason = e.getMessage() + " (bin/install-test-tools installs what the tests use)";
            if (Boolean.getBoolean(REQUIRED)) {
                fail(reason + "; -D" + REQUIRED + "=true says every test tool must be here, so this test may not skip");
            }
            Assumptions.abort(reason);
            return null;
        }
    }
}
