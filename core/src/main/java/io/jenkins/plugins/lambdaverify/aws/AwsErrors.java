package io.jenkins.plugins.lambdaverify.aws;

import io.jenkins.plugins.lambdaverify.aws.AwsCallException.Kind;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK exceptions into {@link AwsCallException}s with one-line messages that name the IAM action. */
public final class AwsErrors {
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "AuthorizationError", "AuthorizationErrorException", "UnauthorizedAccess");
    private static final Set<String> BAD_CREDENTIALS = Set.of("UnrecognizedClientException", "InvalidClientTokenId",
            "ExpiredToken", "ExpiredTokenException", "InvalidSignatureException", "SignatureDoesNotMatch",
            "IncompleteSignature", "MissingAuthenticationToken", "InvalidAccessKeyId");
    private static final Set<String> THROTTLING = Set.of("ThrottlingException", "Throttling", "TooManyRequestsException",
            "RequestLimitExceeded", "LimitExceededException", "ProvisionedThroughputExceededException");
    private static final Pattern PRINCIPAL = Pattern.compile("(?:User|Principal):?\\s+(arn:\\S+)");

    private AwsErrors() {
    }

    /** Runs {@code call}, translating any SDK failure. */
    public static <T> T call(AwsService service, String operation, String resource, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw translate(service, operation, resource, e);
        }
    }

    /**
     * @param resource what the call was about, e.g. a stack or function name; may be {@code null}
     */
    public static AwsCallException translate(AwsService service, String operation, String resource, SdkException e) {
        String action = service.action(operation);
        String on = resource != null ? " on " + resource : "";
        if (e instanceof AwsServiceException ase) {
            String code = ase.awsErrorDetails() != null ? ase.awsErrorDetails().errorCode() : null;
            String awsMessage = oneLine(ase.awsErrorDetails() != null ? ase.awsErrorDetails().errorMessage() : null);
            int status = ase.statusCode();
            if ((code != null && DENIED.contains(code)) || (status == 403 && (code == null || !BAD_CREDENTIALS.contains(code)))) {
                Matcher m = PRINCIPAL.matcher(awsMessage);
                String who = m.find() ? " for " + m.group(1) : "";
                return new AwsCallException(Kind.ACCESS_DENIED, action, code,
                        action + " denied" + who + on + ": add " + action + " to the role's IAM policy", e);
            }
            if (code != null && BAD_CREDENTIALS.contains(code)) {
                return new AwsCallException(Kind.CREDENTIALS, action, code,
                        action + " failed: AWS rejected the credentials (" + code + (awsMessage.isEmpty() ? "" : ": " + awsMessage)
                                + "): refresh or replace them", e);
            }
            if (ase.isThrottlingException() || (code != null && THROTTLING.contains(code))) {
                return new AwsCallException(Kind.THROTTLED, action, code,
                        action + on + " still throttled after retries (" + code + "): retry later or raise the quota", e);
            }
            if (status == 404 || (code != null && code.endsWith("NotFoundException"))) {
                return new AwsCallException(Kind.NOT_FOUND, action, code,
                        action + on + ": not found (" + (awsMessage.isEmpty() ? code : awsMessage) + ")", e);
            }
            if (status >= 500) {
                return new AwsCallException(Kind.SERVICE, action, code,
                        action + on + " failed: AWS answered " + status + (code != null ? " " + code : "")
                                + " after retries" + (awsMessage.isEmpty() ? "" : ": " + awsMessage), e);
            }
            return new AwsCallException(Kind.CLIENT, action, code,
                    action + on + " rejected: " + (code != null ? code : "HTTP " + status)
                            + (awsMessage.isEmpty() ? "" : ": " + awsMessage), e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new AwsCallException(Kind.TIMEOUT, action, null,
                    action + on + " timed out: " + oneLine(e.getMessage()), e);
        }
        String message = oneLine(e.getMessage());
        if (e instanceof SdkClientException && message.contains("credentials")) {
            return new AwsCallException(Kind.CREDENTIALS, action, null,
                    action + " failed: no usable AWS credentials (" + message + ")", e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root == e ? message : root.getClass().getSimpleName() + ": " + oneLine(root.getMessage());
        return new AwsCallException(Kind.NETWORK, action, null, action + on + " failed: " + detail, e);
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
        // SDK messages end with "(Service: ..., Status Code: ..., Request ID: ...)": useful, but keep it short
        return line.length() > 500 ? line.substring(0, 500) + "..." : line;
    }
}
