package io.jenkins.plugins.lambdaverify.aws;

/** The AWS services lambda-verify calls, with the names the SDK's endpoint settings use. */
public enum AwsService {
    LAMBDA("LAMBDA", "lambda"),
    CLOUDWATCH_LOGS("CLOUDWATCH_LOGS", "logs"),
    CLOUDFORMATION("CLOUDFORMATION", "cloudformation"),
    STS("STS", "sts");

    private final String envSuffix;
    private final String iamPrefix;

    AwsService(String envSuffix, String iamPrefix) {
        this.envSuffix = envSuffix;
        this.iamPrefix = iamPrefix;
    }

    /** The per-service endpoint variable, e.g. {@code AWS_ENDPOINT_URL_CLOUDWATCH_LOGS}. */
    public String endpointVariable() {
        return "AWS_ENDPOINT_URL_" + envSuffix;
    }

    /** The IAM action for an operation, e.g. {@code logs:FilterLogEvents}. */
    public String action(String operation) {
        return iamPrefix + ":" + operation;
    }
}
