package io.jenkins.plugins.lambdaverify.invoke;

import io.jenkins.plugins.lambdaverify.invoke.InvocationException.Kind;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Turns an SDK failure of an Invoke call into an {@link InvocationException} with a one-line cause. */
final class InvokeErrors {

    private static final Set<String> CREDENTIAL_CODES = Set.of("UnrecognizedClientException",
            "InvalidClientTokenId", "InvalidSignatureException", "SignatureDoesNotMatch", "MissingAuthenticationToken",
            "IncompleteSignature");
    private static final Set<String> EXPIRED_CODES = Set.of("ExpiredTokenException", "ExpiredToken",
            "RequestExpired");
    private static final Set<String> DENIED_CODES = Set.of("AccessDeniedException", "AccessDenied",
            "KMSAccessDeniedException");

    private InvokeErrors() {
    }

    /**
     * @param target  e.g. {@code my-fn:live (eu-west-1)}
     * @param timeout the call's timeout, for the message
     */
    static InvocationException map(SdkException e, String target, Duration timeout, int attempts) {
        if (e instanceof AbortedException || causedBy(e, InterruptedException.class) != null) {
            return new InvocationException(Kind.ABORTED, "Invoke of " + target + " was aborted", null, e);
        }
        if (e instanceof AwsServiceException ae) {
            return service(ae, target, attempts);
        }
        if (causedBy(e, ApiCallTimeoutException.class) != null || causedBy(e, ApiCallAttemptTimeoutException.class)
                != null || causedBy(e, SocketTimeoutException.class) != null
                || causedBy(e, HttpTimeoutException.class) != null) {
            return new InvocationException(Kind.TIMEOUT, "No answer from " + target + " within "
                    + seconds(timeout) + "; not retried, the function may still be running (the check timeout "
                    + "must be at least the function's timeout)", null, e);
        }
        String message = firstLine(e.getMessage());
        if (message.contains("Unable to load credentials") || message.contains("credentials")
                && message.contains("Unable to")) {
            return new InvocationException(Kind.ACCESS_DENIED, "No AWS credentials to call lambda:InvokeFunction on "
                    + target + ": " + message, null, e);
        }
        Throwable network = firstOf(e, ConnectException.class, UnknownHostException.class,
                NoRouteToHostException.class, UnresolvedAddressException.class, SSLException.class,
                SocketException.class, InterruptedIOException.class);
        String cause = network != null ? network.getClass().getSimpleName() + ": " + firstLine(network.getMessage())
                : message;
        return new InvocationException(Kind.NETWORK, "Cannot reach the Lambda API to invoke " + target + " ("
                + cause + "); not retried", null, e);
    }

    private static InvocationException service(AwsServiceException e, String target, int attempts) {
        String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : null;
        String awsMessage = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : firstLine(e.getMessage());
        String detail = " (" + (code != null ? code + ", " : "") + "HTTP " + e.statusCode() + ": "
                + firstLine(awsMessage) + ")";
        int status = e.statusCode();
        if (e instanceof ResourceNotFoundException || "ResourceNotFoundException".equals(code)) {
            return new InvocationException(Kind.NOT_FOUND, "Function " + target + " not found" + detail
                    + "; check the function name, alias/version and region", null, e);
        }
        if (InvokeRetryPolicy.isThrottling(e)) {
            return new InvocationException(Kind.THROTTLED, "Invoke of " + target + " throttled (" + attempts
                    + " attempts at most, with backoff)" + detail + "; the function's concurrency is exhausted",
                    null, e);
        }
        if (code != null && CREDENTIAL_CODES.contains(code)) {
            return new InvocationException(Kind.ACCESS_DENIED, "AWS rejected the credentials used to call "
                    + "lambda:InvokeFunction on " + target + detail, null, e);
        }
        if (code != null && EXPIRED_CODES.contains(code)) {
            return new InvocationException(Kind.ACCESS_DENIED, "The AWS credentials used to call "
                    + "lambda:InvokeFunction on " + target + " have expired" + detail, null, e);
        }
        if (status == 401 || status == 403 || code != null && DENIED_CODES.contains(code)) {
            return new InvocationException(Kind.ACCESS_DENIED, "Not allowed to call lambda:InvokeFunction on "
                    + target + detail + "; grant the caller lambda:InvokeFunction on the function (and alias)",
                    null, e);
        }
        if (status >= 500) {
            return new InvocationException(Kind.SERVICE, "Lambda service error invoking " + target + detail
                    + "; not retried, the function may have run", null, e);
        }
        return new InvocationException(Kind.SERVICE, "Lambda rejected the invoke of " + target + detail, null, e);
    }

    @SafeVarargs
    private static Throwable firstOf(Throwable e, Class<? extends Throwable>... types) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return t;
                }
            }
        }
        return null;
    }

    private static Throwable causedBy(Throwable e, Class<? extends Throwable> type) {
        return firstOf(e, type);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "no message";
        }
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
