package io.jenkins.plugins.lambdaverify.report;

/** A JSON report that cannot be read: not JSON, another schema, or a field missing or of the wrong kind. */
public final class ReportFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReportFormatException(String message) {
        super(message);
    }

    public ReportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
