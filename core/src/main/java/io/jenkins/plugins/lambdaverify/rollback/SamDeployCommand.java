package io.jenkins.plugins.lambdaverify.rollback;

import io.jenkins.plugins.lambdaverify.spec.RollbackSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Builds the {@code sam deploy} argument list that redeploys a previous packaged template. */
public final class SamDeployCommand {
    /** What {@code sam deploy} reads as an unquoted parameter value. */
    private static final Pattern PLAIN = Pattern.compile("[^\\s\"'\\\\]+");
    /** A backslash sam would take for an escape (before a space or quote) or that would escape the closing quote. */
    private static final Pattern AMBIGUOUS = Pattern.compile("\\\\([ \"']|$)");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]+");

    private SamDeployCommand() {
    }

    /**
     * With the settings' own capabilities and parameter overrides.
     *
     * @param sam          the settings
     * @param templateFile the previous packaged template
     * @param stackName    the stack (from the settings or the target)
     * @param region       the region, or {@code null}
     */
    public static List<String> build(RollbackSpec.Sam sam, String templateFile, String stackName, String region) {
        return build(sam, templateFile, stackName, region, sam == null ? List.of() : sam.capabilities(),
                sam == null ? Map.of() : sam.parameterOverrides());
    }

    /**
     * @param sam          the settings ({@code s3Bucket}, {@code extraArgs}), or {@code null}
     * @param capabilities the capabilities to acknowledge
     * @param parameters   parameter values, in order; a parameter not given keeps the stack's value (sam deploy
     *                     sends {@code UsePreviousValue} for it). Each must pass {@link #parameterOverride}.
     */
    public static List<String> build(RollbackSpec.Sam sam, String templateFile, String stackName, String region,
                                     List<String> capabilities, Map<String, String> parameters) {
        List<String> args = new ArrayList<>(List.of("sam", "deploy", "--template-file", templateFile,
                "--stack-name", stackName, "--no-fail-on-empty-changeset", "--no-confirm-changeset"));
        if (region != null) {
            args.addAll(List.of("--region", region));
        }
        if (!capabilities.isEmpty()) {
            args.add("--capabilities");
            args.addAll(capabilities);
        }
        if (!parameters.isEmpty()) {
            args.add("--parameter-overrides");
            parameters.forEach((k, v) -> {
                String arg = parameterOverride(k, v);
                if (arg == null) {
                    throw new IllegalArgumentException(unrepresentable(k));
                }
                args.add(arg);
            });
        }
        if (sam != null) {
            if (sam.s3Bucket() != null) {
                args.addAll(List.of("--s3-bucket", sam.s3Bucket()));
            }
            args.addAll(sam.extraArgs());
        }
        return args;
    }

    /**
     * One {@code --parameter-overrides} argument that {@code sam deploy} reads back as exactly {@code key} and
     * {@code value}: {@code Key=Value}, or {@code Key="a value"} with inner double quotes escaped when the value has
     * spaces, quotes or backslashes (sam splits unquoted values at spaces). {@code null} when sam cannot read the
     * value back unchanged: a backslash before a space or a quote, or at the end.
     */
    public static String parameterOverride(String key, String value) {
        if (key == null || !KEY.matcher(key).matches() || value == null || AMBIGUOUS.matcher(value).find()) {
            return null;
        }
        if (PLAIN.matcher(value).matches()) {
            return key + "=" + value;
        }
        return key + "=\"" + value.replace("\"", "\\\"") + "\"";
    }

    /** Why a parameter cannot be handed to sam. */
    public static String unrepresentable(String key) {
        return "parameter " + key + ": sam deploy cannot take its value unchanged (a backslash before a space, a quote "
                + "or the end of the value)";
    }
}
