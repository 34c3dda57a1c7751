package io.jenkins.plugins.lambdaverify.target;

import io.jenkins.plugins.lambdaverify.aws.AwsCallException;
import io.jenkins.plugins.lambdaverify.aws.AwsClients;
import io.jenkins.plugins.lambdaverify.aws.AwsErrors;
import io.jenkins.plugins.lambdaverify.aws.AwsService;
import io.jenkins.plugins.lambdaverify.spec.TargetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.LoggingConfig;

/**
 * Finds the deployed function to verify: by name or ARN, by CloudFormation stack and logical id (nested stacks as
 * {@code Parent/Child/LogicalId}), or by name prefix or regex (exactly one must match); then its alias or version
 * and its configuration. Failures are {@link TargetResolutionException}s (user mistakes) or
 * {@link AwsCallException}s (a denied IAM action is named).
 */
public final class FunctionResolver {
    private static final Pattern VERSION = Pattern.compile("\\d+|\\$LATEST");
    private static final Pattern ARN = Pattern.compile(
            "arn:(aws[a-zA-Z-]*):lambda:([a-z0-9-]+):(\\d{12}):function:([a-zA-Z0-9-_]+)(?::([a-zA-Z0-9-_$]+))?");
    private static final int MAX_CANDIDATES_SHOWN = 10;

    private final LambdaClient lambda;
    /** Built only for a stack lookup: a client costs start-up time (its classes) that a lookup by name never needs. */
    private final Supplier<CloudFormationClient> cloudFormation;
    private final String region;

    public FunctionResolver(LambdaClient lambda, CloudFormationClient cloudFormation, String region) {
        this(lambda, () -> cloudFormation, region);
    }

    public FunctionResolver(AwsClients clients) {
        this(clients.lambda(), clients::cloudFormation, clients.region().id());
    }

    private FunctionResolver(LambdaClient lambda, Supplier<CloudFormationClient> cloudFormation, String region) {
        this.lambda = lambda;
        this.cloudFormation = cloudFormation;
        this.region = region;
    }

    public ResolvedFunction resolve(TargetSpec spec) {
        return resolve(FunctionLookup.from(spec));
    }

    public ResolvedFunction resolve(FunctionLookup lookup) {
        String qualifier = lookup.qualifier();
        String name;
        if (lookup.function() != null) {
            var arn = ARN.matcher(lookup.function());
            if (arn.matches()) {
                if (region != null && !region.equals(arn.group(2))) {
                    throw new TargetResolutionException("function ARN " + lookup.function() + " is in " + arn.group(2)
                            + " but the region is " + region + ": set region to " + arn.group(2));
                }
                if (arn.group(5) != null) {
                    if (qualifier != null && !qualifier.equals(arn.group(5))) {
                        throw new TargetResolutionException("function ARN " + lookup.function() + " has qualifier "
                                + arn.group(5) + " but qualifier is " + qualifier + ": set only one");
                    }
                    qualifier = arn.group(5);
                }
                name = arn.group(4);
            } else if (lookup.function().startsWith("arn:")) {
                throw new TargetResolutionException("'" + lookup.function() + "' is not a Lambda function ARN "
                        + "(arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>])");
            } else {
                name = lookup.function();
            }
        } else if (lookup.stack() != null) {
            name = new StackResources(cloudFormation.get()).functionName(lookup.stack(), lookup.logicalId());
        } else if (lookup.namePrefix() != null) {
            String prefix = lookup.namePrefix();
            name = single(lookup, n -> n.startsWith(prefix));
        } else {
            Pattern regex = Pattern.compile(lookup.nameRegex());
            name = single(lookup, n -> regex.matcher(n).find());
        }
        return describe(name, qualifier == null ? "$LATEST" : qualifier, lookup.describe());
    }

    private String single(FunctionLookup lookup, Predicate<String> matches) {
        List<String> found = new ArrayList<>();
        List<String> all = new ArrayList<>();
        AwsErrors.call(AwsService.LAMBDA, "ListFunctions", null, () -> {
            lambda.listFunctionsPaginator(r -> r.maxItems(50)).functions().forEach(f -> {
                all.add(f.functionName());
                if (matches.test(f.functionName())) {
                    found.add(f.functionName());
                }
            });
            return null;
        });
        if (found.size() == 1) {
            return found.getFirst();
        }
        boolean regex = lookup.nameRegex() != null;
        if (found.isEmpty()) {
            if (all.isEmpty()) {
                throw new TargetResolutionException("no function matches " + lookup.describe() + ": there is no "
                        + "function at all in " + region + ": check the region and the account");
            }
            String wanted = regex ? literalPart(lookup.nameRegex()) : lookup.namePrefix();
            throw new TargetResolutionException("none of the " + all.size() + " functions in " + region + " matches "
                    + lookup.describe() + "; closest: " + String.join(", ", closest(wanted, all))
                    + (regex ? ": the regex is found anywhere in the name and is case-sensitive ((?i) ignores case)"
                    : ": the prefix is case-sensitive"));
        }
        found.sort(null);
        List<String> shown = found.size() > MAX_CANDIDATES_SHOWN ? found.subList(0, MAX_CANDIDATES_SHOWN) : found;
        throw new TargetResolutionException(found.size() + " functions match " + lookup.describe() + ": "
                + String.join(", ", shown) + (found.size() > shown.size() ? ", ..." : "")
                + ": make it match exactly one" + (regex ? " (anchor it with ^ and $)" : "") + ", or set function");
    }

    /** Up to five names sharing the longest run of characters with {@code wanted}, best first. */
    static List<String> closest(String wanted, List<String> names) {
        String w = wanted.toLowerCase(java.util.Locale.ROOT);
        return names.stream().sorted(java.util.Comparator
                .comparingInt((String n) -> -commonRun(w, n.toLowerCase(java.util.Locale.ROOT)))
                .thenComparingInt(String::length).thenComparing(n -> n)).limit(5).toList();
    }

    /** The length of the longest substring two strings share. */
    static int commonRun(String a, String b) {
        int best = 0;
        int[] previous = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            for (int j = 1; j <= b.length(); j++) {
                if (a.charAt(i - 1) == b.charAt(j - 1)) {
                    current[j] = previous[j - 1] + 1;
                    best = Math.max(best, current[j]);
                }
            }
            previous = current;
        }
        return best;
    }

    /** A regex without its operators, to compare with names: {@code ^orders-(Api|Web)\\.fn$} gives {@code orders-ApiWebfn}. */
    static String literalPart(String regex) {
        return regex.replaceAll("\\\\[dDsSwWbB]|\\\\|[\\^$.|?*+()\\[\\]{}]", "");
    }

    private ResolvedFunction describe(String name, String qualifier, String resolvedFrom) {
        boolean alias = !VERSION.matcher(qualifier).matches();
        String version = qualifier;
        String revisionId = null;
        Map<String, Double> weights = Map.of();
        if (alias) {
            GetAliasResponse a = get("GetAlias", name + ":" + qualifier, "alias " + qualifier + " of function " + name,
                    () -> lambda.getAlias(r -> r.functionName(name).name(qualifier)));
            version = a.functionVersion();
            revisionId = a.revisionId();
            if (a.routingConfig() != null && a.routingConfig().hasAdditionalVersionWeights()) {
                weights = a.routingConfig().additionalVersionWeights();
            }
        }
        String v = version;
        GetFunctionConfigurationResponse c = get("GetFunctionConfiguration", name + ":" + v,
                "function " + name + ("$LATEST".equals(v) ? "" : " version " + v),
                () -> lambda.getFunctionConfiguration(r -> r.functionName(name).qualifier(v)));
        LoggingConfig logging = c.loggingConfig();
        String logGroup = logging != null && logging.logGroup() != null && !logging.logGroup().isBlank()
                ? logging.logGroup() : "/aws/lambda/" + c.functionName();
        String logFormat = logging != null && logging.logFormatAsString() != null ? logging.logFormatAsString() : "Text";
        return new ResolvedFunction(c.functionName(), unqualified(c.functionArn()), qualifier, alias, version,
                revisionId, weights, region, c.runtimeAsString(), c.timeout(), logGroup, logFormat,
                c.packageTypeAsString(), c.stateAsString(), c.lastUpdateStatusAsString(), resolvedFrom);
    }

    private <T> T get(String operation, String resource, String what, java.util.function.Supplier<T> call) {
        try {
            return AwsErrors.call(AwsService.LAMBDA, operation, resource, call);
        } catch (AwsCallException e) {
            if (e.kind() == AwsCallException.Kind.NOT_FOUND) {
                throw new TargetResolutionException(what + " not found in " + region + ": check the name, qualifier and "
                        + "region", e);
            }
            throw e;
        }
    }

    private static String unqualified(String arn) {
        if (arn == null) {
            return null;
        }
        var m = ARN.matcher(arn);
        return m.matches() && m.group(5) != null ? arn.substring(0, arn.length() - m.group(5).length() - 1) : arn;
    }
}
