package io.jenkins.plugins.lambdaverify.aws;

/**
 * An AWS call failed. The message is one line a user can act on (the IAM action that was denied, the endpoint that
 * could not be reached); {@link #kind()} lets callers decide what to do.
 */
public class AwsCallException extends RuntimeException {
    /** Why the call failed. */
    public enum Kind {
        /** IAM denied the action: {@link #action()} names it. */
        ACCESS_DENIED,
        /** The credentials are missing, invalid or expired. */
        CREDENTIALS,
        /** The resource does not exist. */
        NOT_FOUND,
        /** Still throttled after the retries. */
        THROTTLED,
        /** The call did not finish in time. */
        TIMEOUT,
        /** The endpoint could not be reached. */
        NETWORK,
        /** AWS answered 5xx after the retries. */
        SERVICE,
        /** AWS rejected the request for another reason. */
        CLIENT
    }

    private final Kind kind;
    private final String action;
    private final String errorCode;

    public AwsCallException(Kind kind, String action, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.action = action;
        this.errorCode = errorCode;
    }

    public Kind kind() {
        return kind;
    }

    /** The IAM action of the failed call, e.g. {@code cloudformation:ListStackResources}. */
    public String action() {
        return action;
    }

    /** The AWS error code, e.g. {@code AccessDenied}, or {@code null} when AWS did not answer. */
    public String errorCode() {
        return errorCode;
    }
}
