package io.jenkins.plugins.lambdaverify.spec;

/**
 * What to verify and how to reach it. Unset fields are {@code null}.
 *
 * @param mode        lambda, http or local
 * @param function    function name or ARN (lambda mode), or the SAM logical id (local mode)
 * @param qualifier   alias or version
 * @param region      AWS region
 * @param endpointUrl endpoint override for the Lambda API (local endpoints, tests)
 * @param baseUrl     base URL (http mode)
 * @param eventFormat event shape for direct invokes
 * @param stack       CloudFormation stack that holds the function (with {@code logicalId})
 * @param logicalId   the function's logical id in {@code stack} (nested stacks as {@code Parent/Child/Id})
 * @param namePrefix  resolve the function by name prefix (exactly one must match)
 * @param nameRegex   resolve the function by a regex found in its name (exactly one must match)
 * @param profile     AWS profile
 * @param template    local mode: path of the built SAM template (default {@code .aws-sam/build/template.yaml})
 * @param artifact    local mode: the artifact directory, when not resolved from the template
 * @param handler     local mode: the handler, when not resolved from the template
 * @param runtime     local mode: the runtime (e.g. {@code python3.12}), when not resolved from the template
 */
public record TargetSpec(Mode mode, String function, String qualifier, String region, String endpointUrl,
                         String baseUrl, EventFormat eventFormat, String stack, String logicalId, String namePrefix,
                         String nameRegex, String profile, String template, String artifact, String handler,
                         String runtime) {

    /** A target that does not look the function up by regex (front ends that do not offer it). */
    public TargetSpec(Mode mode, String function, String qualifier, String region, String endpointUrl, String baseUrl,
                      EventFormat eventFormat, String stack, String logicalId, String namePrefix, String profile,
                      String template, String artifact, String handler, String runtime) {
        this(mode, function, qualifier, region, endpointUrl, baseUrl, eventFormat, stack, logicalId, namePrefix, null,
                profile, template, artifact, handler, runtime);
    }

    public static TargetSpec empty() {
        return new TargetSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    public Mode effectiveMode() {
        return mode != null ? mode : baseUrl != null ? Mode.HTTP : Mode.LAMBDA;
    }

    public EventFormat effectiveEventFormat() {
        return eventFormat != null ? eventFormat : EventFormat.APIGATEWAY_V1;
    }

    /** This target with every non-null field of {@code override} taking precedence. */
    public TargetSpec overriddenBy(TargetSpec o) {
        return new TargetSpec(pick(o.mode, mode), pick(o.function, function), pick(o.qualifier, qualifier),
                pick(o.region, region), pick(o.endpointUrl, endpointUrl), pick(o.baseUrl, baseUrl),
                pick(o.eventFormat, eventFormat), pick(o.stack, stack), pick(o.logicalId, logicalId),
                pick(o.namePrefix, namePrefix), pick(o.nameRegex, nameRegex), pick(o.profile, profile),
                pick(o.template, template),
                pick(o.artifact, artifact), pick(o.handler, handler), pick(o.runtime, runtime));
    }

    /**
     * Like {@link #overriddenBy}, for front ends whose overrides may name the function (CLI flags, step
     * parameters): when {@code o} names it one way (function, stack/logicalId, namePrefix or nameRegex), this target's other
     * ways are dropped first. Else a file's {@code function: ApiFunction} (local mode's logical id) plus a
     * {@code --stack} flag would name the function twice and fail to resolve.
     */
    public TargetSpec overriddenWithLookupBy(TargetSpec o) {
        boolean byName = o.function != null;
        boolean byStack = o.stack != null || o.logicalId != null;
        boolean byPrefix = o.namePrefix != null;
        boolean byRegex = o.nameRegex != null;
        TargetSpec base = this;
        if (byName || byStack || byPrefix || byRegex) {
            base = new TargetSpec(mode, byName ? function : null, qualifier, region, endpointUrl, baseUrl, eventFormat,
                    byStack ? stack : null, byStack ? logicalId : null, byPrefix ? namePrefix : null,
                    byRegex ? nameRegex : null, profile, template, artifact, handler, runtime);
        }
        return base.overriddenBy(o);
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    /** Short description for reports, e.g. {@code lambda:my-fn:live}. */
    public String describe() {
        Mode m = effectiveMode();
        String what = switch (m) {
            case HTTP -> baseUrl;
            case LOCAL -> function != null ? function : artifact;
            case LAMBDA -> function != null ? function
                    : stack != null ? stack + "/" + logicalId : namePrefix != null ? namePrefix + "*"
                    : nameRegex != null ? "/" + nameRegex + "/" : null;
        };
        return m.id() + ":" + what + (qualifier != null && m != Mode.HTTP ? ":" + qualifier : "");
    }
}
