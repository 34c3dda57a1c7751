package io.jenkins.plugins.lambdaverify.result;

import java.time.Instant;
import java.util.List;

/**
 * The CloudFormation deployment a run proved good, recorded so that a later failing run can deploy exactly it again
 * ({@code sam} rollback strategy). Only a known-good deployment is ever recorded: a passed run's stack, or the one a
 * rollback restored and re-verified. When it could not be recorded, {@link #problem()} says why and the stack data is
 * {@code null} or empty.
 *
 * @param stackName       the stack
 * @param stackId         the stack's ARN (a stack deleted and created again gets a new one)
 * @param region          the stack's region
 * @param stackStatus     e.g. {@code UPDATE_COMPLETE}
 * @param lastUpdatedTime when the stack was last created or updated: a stack not updated since has nothing to roll back
 * @param capabilities    the capabilities the stack was deployed with, e.g. {@code CAPABILITY_IAM}
 * @param parameters      the stack's parameters, in the stack's order
 * @param templateFile    where the template is, relative to the JSON report's directory
 * @param templateSha256  the template's SHA-256 (hex): a changed file is never deployed
 * @param template        the template as CloudFormation returned it ({@code GetTemplate}, stage {@code Original});
 *                        in memory only, {@code null} when read back from a report (it lives in {@link #templateFile})
 * @param problem         why no rollback point was recorded, or {@code null} when it was
 */
public record RollbackPoint(String stackName, String stackId, String region, String stackStatus,
                            Instant lastUpdatedTime, List<String> capabilities, List<Parameter> parameters,
                            String templateFile, String templateSha256, String template, String problem) {

    public RollbackPoint {
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /** No rollback point, and why (a denied call, a stack mid-update, ...). */
    public static RollbackPoint notRecorded(String stackName, String region, String problem) {
        return new RollbackPoint(stackName, null, region, null, null, List.of(), List.of(), null, null, null, problem);
    }

    public boolean recorded() {
        return problem == null;
    }

    /** The same point without the template text (what a report read back holds). */
    public RollbackPoint withoutTemplate() {
        return withTemplate(null);
    }

    public RollbackPoint withTemplate(String text) {
        return new RollbackPoint(stackName, stackId, region, stackStatus, lastUpdatedTime, capabilities, parameters,
                templateFile, templateSha256, text, problem);
    }

    /** Parameters whose value is unknown here: the rollback keeps the stack's current value for them. */
    public List<String> keptParameters() {
        return parameters.stream().filter(Parameter::usePreviousValue).map(Parameter::key).toList();
    }

    /**
     * A stack parameter.
     *
     * @param key              the parameter's name
     * @param value            its value, or {@code null} when unknown ({@code NoEcho}, or a value that looks secret)
     * @param usePreviousValue the value is unknown: a rollback keeps whatever value the stack has then
     */
    public record Parameter(String key, String value, boolean usePreviousValue) {
        public static Parameter known(String key, String value) {
            return new Parameter(key, value, false);
        }

        public static Parameter unknown(String key) {
            return new Parameter(key, null, true);
        }
    }
}
