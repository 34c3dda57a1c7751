package io.jenkins.plugins.lambdaverify.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.invoke.InvocationException.Kind;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/** Failures that are awkward to provoke through WireMock, mapped directly. */
class InvokeErrorsTest {

    private static final String TARGET = "fn:live (eu-west-1)";

    private static InvocationException map(Exception e) {
        return InvokeErrors.map((software.amazon.awssdk.core.exception.SdkException) e, TARGET,
                Duration.ofSeconds(3), 4);
    }

    private static LambdaException aws(int status, String code, String message) {
        return (LambdaException) LambdaException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .message(message).build();
    }

    @Test
    void unknownHostIsNetwork() {
        InvocationException e = map(SdkClientException.create("Received an UnknownHostException",
                new UnknownHostException("lambda.eu-west-9.amazonaws.com")));
        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
        assertThat(e.getMessage()).contains("UnknownHostException").contains("lambda.eu-west-9.amazonaws.com");
    }

    @Test
    void missingCredentialsAreAccessDenied() {
        InvocationException e = map(SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain(...)\n"
                        + "more detail"));
        assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(e.getMessage()).contains("lambda:InvokeFunction").doesNotContain("\n");
    }

    @Test
    void expiredTokenIsAccessDenied() {
        InvocationException e = map(aws(403, "ExpiredTokenException", "The security token included in the "
                + "request is expired"));
        assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(e.getMessage()).contains("expired").contains("lambda:InvokeFunction").contains(TARGET);
    }

    @Test
    void otherClientErrorsAreServiceWithTheAwsMessage() {
        InvocationException e = map(aws(413, "RequestTooLargeException", "Request must be smaller than 6291456 "
                + "bytes for the InvokeFunction operation"));
        assertThat(e.kind()).isEqualTo(Kind.SERVICE);
        assertThat(e.getMessage()).contains("RequestTooLargeException").contains("HTTP 413").contains("6291456");
    }

    @Test
    void anAbortIsAborted() {
        assertThat(map(AbortedException.create("Thread was interrupted")).kind()).isEqualTo(Kind.ABORTED);
    }
}
