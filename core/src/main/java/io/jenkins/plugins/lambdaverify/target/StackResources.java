package io.jenkins.plugins.lambdaverify.target;

import io.jenkins.plugins.lambdaverify.aws.AwsCallException;
import io.jenkins.plugins.lambdaverify.aws.AwsErrors;
import io.jenkins.plugins.lambdaverify.aws.AwsService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;

/** Finds a resource's physical id in a CloudFormation stack, following nested stacks ({@code Parent/Child/Id}). */
final class StackResources {
    static final String NESTED_STACK = "AWS::CloudFormation::Stack";
    static final String FUNCTION = "AWS::Lambda::Function";

    private final CloudFormationClient cloudFormation;

    StackResources(CloudFormationClient cloudFormation) {
        this.cloudFormation = cloudFormation;
    }

    /** The function's physical id (its name) for {@code path} in {@code stack}. */
    String functionName(String stack, String path) {
        String[] segments = path.split("/");
        String current = stack;
        String currentLabel = stack;
        for (int i = 0; i < segments.length; i++) {
            String id = segments[i].trim();
            boolean last = i == segments.length - 1;
            String label = currentLabel;
            List<StackResourceSummary> resources = list(current, label);
            StackResourceSummary found = resources.stream().filter(r -> id.equals(r.logicalResourceId())).findFirst()
                    .orElseThrow(() -> notFound(id, label, resources, last));
            String status = found.resourceStatusAsString();
            if (found.physicalResourceId() == null || found.physicalResourceId().isBlank()
                    || (status != null && status.startsWith("DELETE_COMPLETE"))) {
                throw new TargetResolutionException("'" + id + "' in stack " + currentLabel + " has no deployed resource"
                        + (status != null ? " (status " + status + ")" : "") + ": deploy the stack first");
            }
            if (!last) {
                if (!NESTED_STACK.equals(found.resourceType())) {
                    throw new TargetResolutionException("'" + id + "' in stack " + currentLabel + " is "
                            + found.resourceType() + ", not a nested stack (" + NESTED_STACK + ")");
                }
                current = found.physicalResourceId();
                currentLabel = currentLabel + "/" + id;
                continue;
            }
            if (!FUNCTION.equals(found.resourceType())) {
                String hint = "AWS::Lambda::Alias".equals(found.resourceType()) || "AWS::Lambda::Version".equals(found.resourceType())
                        ? ": use the function's logical id and set qualifier" : "";
                throw new TargetResolutionException("'" + id + "' in stack " + currentLabel + " is "
                        + found.resourceType() + ", not a Lambda function (" + FUNCTION + ")" + hint);
            }
            return found.physicalResourceId();
        }
        throw new TargetResolutionException("empty logicalId for stack " + stack);
    }

    private List<StackResourceSummary> list(String stack, String label) {
        List<StackResourceSummary> all = new ArrayList<>();
        try {
            // the paginator follows NextToken; a stack can hold up to 500 resources (100 a page)
            cloudFormation.listStackResourcesPaginator(r -> r.stackName(stack)).stackResourceSummaries().forEach(all::add);
        } catch (SdkException e) {
            AwsCallException error = AwsErrors.translate(AwsService.CLOUDFORMATION, "ListStackResources", label, e);
            if ("ValidationError".equals(error.errorCode()) && String.valueOf(e.getMessage()).contains("does not exist")) {
                throw new TargetResolutionException("stack " + label + " not found in this account and region: check the "
                        + "stack name and region", e);
            }
            throw error;
        }
        return all;
    }

    private static TargetResolutionException notFound(String id, String stack, List<StackResourceSummary> resources,
                                                      boolean wantFunction) {
        String wanted = wantFunction ? FUNCTION : NESTED_STACK;
        List<String> candidates = resources.stream()
                .filter(r -> wanted.equals(r.resourceType()) || (wantFunction && NESTED_STACK.equals(r.resourceType())))
                .map(StackResourceSummary::logicalResourceId).sorted().toList();
        List<String> close = resources.stream().map(StackResourceSummary::logicalResourceId)
                .filter(c -> similar(id, c))
                .sorted(Comparator.comparingInt(c -> distance(id.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT))))
                .limit(3).toList();
        String message = "logical id '" + id + "' not found in stack " + stack;
        if (!close.isEmpty()) {
            message += ": did you mean " + String.join(", ", close) + "?";
        } else if (!candidates.isEmpty()) {
            message += ": " + (wantFunction ? "functions and nested stacks" : "nested stacks") + " there: "
                    + String.join(", ", candidates.size() > 15 ? candidates.subList(0, 15) : candidates)
                    + (candidates.size() > 15 ? ", ..." : "");
        } else {
            message += ": it has no " + (wantFunction ? "Lambda functions" : "nested stacks");
        }
        return new TargetResolutionException(message);
    }

    static boolean similar(String wanted, String candidate) {
        String a = wanted.toLowerCase(Locale.ROOT);
        String b = candidate.toLowerCase(Locale.ROOT);
        return a.equals(b) || b.contains(a) || a.contains(b) || distance(a, b) <= Math.max(2, a.length() / 4);
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
