package io.jenkins.plugins.lambdaverify.rollback;

import io.jenkins.plugins.lambdaverify.aws.AwsCallException;
import io.jenkins.plugins.lambdaverify.aws.AwsErrors;
import io.jenkins.plugins.lambdaverify.aws.AwsService;
import io.jenkins.plugins.lambdaverify.engine.Redactor;
import io.jenkins.plugins.lambdaverify.result.RollbackPoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.TemplateStage;

/**
 * Records a stack as a rollback point after a passing run: its template as deployed ({@code GetTemplate}, stage
 * {@code Original}: the packaged template, whose S3 and ECR code locations stay valid) and its parameters and
 * capabilities ({@code DescribeStacks}). It never fails the run: a denied or failed call gives a point that says why
 * it is missing, naming the IAM action.
 */
public final class StackRecorder {
    /** The template's directory, relative to the JSON report's. */
    public static final String TEMPLATE_DIR = "rollback-point";

    /** States whose template is the one the stack's resources run. */
    private static final Set<String> STABLE = Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE",
            "IMPORT_COMPLETE", "IMPORT_ROLLBACK_COMPLETE");
    /** How DescribeStacks shows a NoEcho parameter. */
    private static final Pattern NO_ECHO = Pattern.compile("\\*+");

    private final CloudFormationClient cloudFormation;
    private final Redactor redactor;

    /**
     * @param redactor decides which parameter values look secret: those are not recorded (a rollback keeps the
     *                 stack's value for them), so they never reach a report
     */
    public StackRecorder(CloudFormationClient cloudFormation, Redactor redactor) {
        this.cloudFormation = cloudFormation;
        this.redactor = redactor;
    }

    /**
     * @param stack          the stack name or id
     * @param region         the stack's region, for the report
     * @param verifiedSince  when the passing verification started: a stack updated after it may hold another
     *                       deployment than the one verified, so it is not recorded ({@code null}: no check)
     */
    public RollbackPoint record(String stack, String region, Instant verifiedSince) {
        String template;
        Stack s;
        try {
            // The template before the stack's state: an update that starts in between shows in the state.
            template = AwsErrors.call(AwsService.CLOUDFORMATION, "GetTemplate", stack, () -> cloudFormation.getTemplate(
                    b -> b.stackName(stack).templateStage(TemplateStage.ORIGINAL)).templateBody());
            List<Stack> stacks = AwsErrors.call(AwsService.CLOUDFORMATION, "DescribeStacks", stack,
                    () -> cloudFormation.describeStacks(b -> b.stackName(stack)).stacks());
            if (stacks.isEmpty()) {
                return RollbackPoint.notRecorded(stack, region, "DescribeStacks returned no stack " + stack);
            }
            s = stacks.getFirst();
        } catch (AwsCallException e) {
            return RollbackPoint.notRecorded(stack, region, e.getMessage());
        }
        String status = s.stackStatusAsString();
        if (status == null || !STABLE.contains(status)) {
            return RollbackPoint.notRecorded(stack, region, "stack " + stack + " is " + status
                    + ": its template is not settled, so it is not recorded");
        }
        Instant updated = s.lastUpdatedTime() != null ? s.lastUpdatedTime() : s.creationTime();
        if (verifiedSince != null && updated != null && updated.isAfter(verifiedSince)) {
            return RollbackPoint.notRecorded(stack, region, "stack " + stack + " was updated at " + updated
                    + ", after the verification started: it may not hold the deployment verified");
        }
        if (template == null || template.isBlank()) {
            return RollbackPoint.notRecorded(stack, region, "GetTemplate returned no template for stack " + stack);
        }
        boolean json = template.stripLeading().startsWith("{");
        return new RollbackPoint(s.stackName() != null ? s.stackName() : stack, s.stackId(), region, status, updated,
                s.capabilitiesAsStrings(), parameters(s.parameters()), TEMPLATE_DIR + "/template." + (json ? "json" : "yaml"),
                sha256(template), template, null);
    }

    private List<RollbackPoint.Parameter> parameters(List<Parameter> parameters) {
        List<RollbackPoint.Parameter> out = new ArrayList<>();
        for (Parameter p : parameters) {
            String value = p.parameterValue();
            String pair = p.parameterKey() + "=" + value;
            if (value == null || NO_ECHO.matcher(value).matches() || !redactor.text(pair).equals(pair)) {
                // NoEcho ("****"), or a value that looks secret: unknown here, the rollback keeps the stack's value
                out.add(RollbackPoint.Parameter.unknown(p.parameterKey()));
            } else {
                // the value as given (an SSM parameter's name, not its ResolvedValue: CloudFormation resolves it again)
                out.add(RollbackPoint.Parameter.known(p.parameterKey(), value));
            }
        }
        return out;
    }

    /** SHA-256 of the template's UTF-8 bytes, in hex. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
