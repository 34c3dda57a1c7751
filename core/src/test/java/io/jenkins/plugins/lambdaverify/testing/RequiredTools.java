package io.jenkins.plugins.lambdaverify.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.jenkins.plugins.lambdaverify.local.Interpreter;
import io.jenkins.plugins.lambdaverify.local.InterpreterLocator;
import io.jenkins.plugins.lambdaverify.local.LocalRuntimeException;
import io.jenkins.plugins.lambdaverify.local.RuntimeLanguage;
import io.jenkins.plugins.lambdaverify.platform.HostPlatform;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The one gate for tests that need a program the build does not bring (python3, node, the AWS CLI, boto3).
 * Where it is missing the test is skipped, saying what is missing, so {@code mvn install} on any machine (e.g.
 * ci.jenkins.io, which never runs bin/install-test-tools) reports the truth. With
 * {@code -Dlambdaverify.tools.required=true} (bin/test sets it after installing the tools) a missing tool fails
 * the test instead: our own CI cannot pass by skipping.
 */
public final class RequiredTools {
    /** The system property that turns a skip into a failure. */
    public static final String REQUIRED = "lambdaverify.tools.required";
    private static final Map<RuntimeLanguage, Object> INTERPRETERS = new EnumMap<>(RuntimeLanguage.class);

    private RequiredTools() {
    }

    /** Whether this run must have every tool ({@code -Dlambdaverify.tools.required=true}). */
    public static boolean required() {
        return Boolean.getBoolean(REQUIRED);
    }

    /** The program on PATH ({@code PATHEXT} applies on Windows); otherwise the test is skipped (or fails). */
    public static Path assumeOnPath(String command) {
        Optional<Path> found = HostPlatform.current().find(command);
        assumeAvailable(found.isPresent(), "'" + command + "' is not on PATH");
        return found.orElseThrow();
    }

    /**
     * Python 3 or Node.js exactly as the local runtime finds them (on PATH and answering a probe: a shim of an
     * uninstalled version counts as missing); otherwise the test is skipped (or fails). Probed once per JVM.
     */
    public static synchronized Interpreter assumeInterpreter(RuntimeLanguage language) {
        Object found = INTERPRETERS.computeIfAbsent(language, l -> {
            try {
                return InterpreterLocator.fromEnvironment().locate(l);
            } catch (LocalRuntimeException e) {
                return e.getMessage();
            }
        });
        if (found instanceof String reason) {
            missing(reason);
        }
        return (Interpreter) found;
    }

    /** For a tool found another way (an AWS CLI, a Python that has boto3): skips (or fails) unless available. */
    public static void assumeAvailable(boolean available, String whatIsMissing) {
        if (!available) {
            missing(whatIsMissing);
        }
    }

    private static void missing(String whatIsMissing) {
        String reason = whatIsMissing + " (bin/install-test-tools installs what the tests use)";
        if (required()) {
            fail(reason + "; -D" + REQUIRED + "=true says every test tool must be here, so this test may not skip");
        }
        Assumptions.abort(reason);
    }
}
