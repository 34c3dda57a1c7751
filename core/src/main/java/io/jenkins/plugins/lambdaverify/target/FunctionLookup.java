package io.jenkins.plugins.lambdaverify.target;

import io.jenkins.plugins.lambdaverify.spec.TargetSpec;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How to find the function: exactly one of {@code function} (name, partial or full ARN), {@code stack} with
 * {@code logicalId}, {@code namePrefix} or {@code nameRegex}; plus an optional qualifier (alias or version).
 */
public record FunctionLookup(String function, String stack, String logicalId, String namePrefix, String nameRegex,
                             String qualifier) {

    public FunctionLookup {
        function = blankToNull(function);
        stack = blankToNull(stack);
        logicalId = blankToNull(logicalId);
        namePrefix = blankToNull(namePrefix);
        nameRegex = blankToNull(nameRegex);
        qualifier = blankToNull(qualifier);
        int ways = (function != null ? 1 : 0) + (stack != null || logicalId != null ? 1 : 0)
                + (namePrefix != null ? 1 : 0) + (nameRegex != null ? 1 : 0);
        if (ways == 0) {
            throw new TargetResolutionException("no function to verify: set function, stack and logicalId, namePrefix "
                    + "or nameRegex");
        }
        if (ways > 1) {
            throw new TargetResolutionException("set only one of function, stack/logicalId, namePrefix or nameRegex");
        }
        if (stack != null && logicalId == null) {
            throw new TargetResolutionException("stack '" + stack + "' needs logicalId: the function's logical id in the template");
        }
        if (logicalId != null && stack == null) {
            throw new TargetResolutionException("logicalId '" + logicalId + "' needs stack: the CloudFormation stack name");
        }
        if (nameRegex != null) {
            try {
                Pattern.compile(nameRegex);
            } catch (PatternSyntaxException e) {
                throw new TargetResolutionException("nameRegex '" + nameRegex + "' is not a valid regex: "
                        + e.getDescription());
            }
        }
    }

    /** The lookup a {@link TargetSpec} describes (lambda mode). */
    public static FunctionLookup from(TargetSpec spec) {
        return new FunctionLookup(spec.function(), spec.stack(), spec.logicalId(), spec.namePrefix(),
                spec.nameRegex(), spec.qualifier());
    }

    public static FunctionLookup byName(String function, String qualifier) {
        return new FunctionLookup(function, null, null, null, null, qualifier);
    }

    public static FunctionLookup byStack(String stack, String logicalId, String qualifier) {
        return new FunctionLookup(null, stack, logicalId, null, null, qualifier);
    }

    public static FunctionLookup byPrefix(String prefix, String qualifier) {
        return new FunctionLookup(null, null, null, prefix, null, qualifier);
    }

    public static FunctionLookup byRegex(String regex, String qualifier) {
        return new FunctionLookup(null, null, null, null, regex, qualifier);
    }

    /** How it was asked for, for messages and reports. */
    public String describe() {
        if (function != null) {
            return "function " + function;
        }
        if (stack != null) {
            return "stack " + stack + " logical id " + logicalId;
        }
        return namePrefix != null ? "name prefix " + namePrefix : "name regex " + nameRegex;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
