package io.jenkins.plugins.lambdaverify.local;

/**
 * A local run that cannot start: missing interpreter, unsupported runtime, artifact, template or handler not found.
 * The message is one line that names the offending value and what to do; front ends print it without a trace.
 */
public class LocalRuntimeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LocalRuntimeException(String message) {
        super(message);
    }

    public LocalRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
