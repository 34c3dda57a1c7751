package io.jenkins.plugins.lambdaverify.invoke;

/**
 * An invocation that produced no response to evaluate. The {@link Kind} decides how the engine reports it:
 * a bad payload is the function's fault (a check error); the rest are infrastructure (exit code 3).
 */
public class InvocationException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The function answered with something that is not a proxy response (the function's fault). */
        BAD_PAYLOAD(false),
        /** The check's timeout passed before an answer came. */
        TIMEOUT(false),
        /** Throttled even after the retries with backoff. */
        THROTTLED(true),
        /** Function, alias or endpoint not found. */
        NOT_FOUND(true),
        /** Credentials missing or an IAM action denied. */
        ACCESS_DENIED(true),
        /** Connection refused, reset, DNS: the network between us and the function. */
        NETWORK(true),
        /** The service answered with an error that is not the function's. */
        SERVICE(true),
        /** The run was aborted while the invocation was in flight. */
        ABORTED(false);

        private final boolean infrastructure;

        Kind(boolean infrastructure) {
            this.infrastructure = infrastructure;
        }

        public boolean infrastructure() {
            return infrastructure;
        }
    }

    private final Kind kind;
    private final String payloadExcerpt;

    public InvocationException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public InvocationException(Kind kind, String message, String payloadExcerpt, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.payloadExcerpt = payloadExcerpt;
    }

    public Kind kind() {
        return kind;
    }

    /** An excerpt of what the function returned, for BAD_PAYLOAD; may be {@code null}. */
    public String payloadExcerpt() {
        return payloadExcerpt;
    }
}
