package io.jenkins.plugins.lambdaverify.cli;

import io.jenkins.plugins.lambdaverify.spec.EventFormat;
import io.jenkins.plugins.lambdaverify.spec.Mode;
import io.jenkins.plugins.lambdaverify.spec.TargetSpec;
import picocli.CommandLine.Option;

/** Target flags: each one, when given, overrides the config file's value. */
final class TargetOptions {
    @Option(names = "--mode", paramLabel = "MODE", description = "lambda, http or local")
    String mode;

    @Option(names = {"-f", "--function"}, paramLabel = "NAME", description = "Function name or ARN (local mode: the SAM logical id)")
    String function;

    @Option(names = {"-q", "--qualifier", "--alias"}, paramLabel = "Q", description = "Alias or version to invoke")
    String qualifier;

    @Option(names = {"-r", "--region"}, paramLabel = "REGION", description = "AWS region")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Endpoint override for the AWS APIs (LocalStack, a local endpoint)")
    String endpointUrl;

    @Option(names = "--base-url", paramLabel = "URL", description = "Base URL for http mode")
    String baseUrl;

    @Option(names = "--event-format", paramLabel = "FORMAT", description = "apigateway-v1, apigateway-v2, alb or function-url")
    String eventFormat;

    @Option(names = "--stack", paramLabel = "STACK", description = "CloudFormation stack that holds the function")
    String stack;

    @Option(names = "--logical-id", paramLabel = "ID", description = "The function's logical id in --stack (nested: Parent/Child/Id)")
    String logicalId;

    @Option(names = "--name-prefix", paramLabel = "PREFIX", description = "Resolve the function by name prefix (exactly one must match)")
    String namePrefix;

    @Option(names = "--name-regex", paramLabel = "REGEX", description = "Resolve the function by a regex found in its name (exactly one must match)")
    String nameRegex;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "AWS profile")
    String profile;

    @Option(names = "--template", paramLabel = "FILE", description = "local mode: the built SAM template (default .aws-sam/build/template.yaml)")
    String template;

    /** The flags as a TargetSpec overlay; an unknown mode or format is a usage error (exit 2). */
    TargetSpec toOverrides() {
        Mode m = null;
        if (mode != null) {
            m = Mode.fromId(mode);
            if (m == null) {
                throw new UsageException("--mode '" + mode + "' is not one of lambda, http, local");
            }
        }
        EventFormat f = null;
        if (eventFormat != null) {
            f = EventFormat.fromId(eventFormat);
            if (f == null) {
                throw new UsageException("--event-format '" + eventFormat
                        + "' is not one of apigateway-v1, apigateway-v2, alb, function-url");
            }
        }
        if (nameRegex != null) {
            try {
                java.util.regex.Pattern.compile(nameRegex);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new UsageException("--name-regex '" + nameRegex + "' is not a valid regular expression ("
                        + e.getDescription() + "): write a Java regex found in the function name, e.g. "
                        + "^orders-api-ApiFunction-");
            }
        }
        return new TargetSpec(m, function, qualifier, region, endpointUrl, baseUrl, f, stack, logicalId, namePrefix,
                nameRegex, profile, template, null, null, null);
    }
}
