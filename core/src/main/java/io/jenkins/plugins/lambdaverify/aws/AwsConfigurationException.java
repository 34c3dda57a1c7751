package io.jenkins.plugins.lambdaverify.aws;

/** The AWS settings cannot work (no region, a missing profile, a malformed endpoint): a one-line user message. */
public class AwsConfigurationException extends RuntimeException {
    public AwsConfigurationException(String message) {
        super(message);
    }

    public AwsConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
