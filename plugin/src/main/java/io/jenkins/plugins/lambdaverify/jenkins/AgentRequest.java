package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.lambdaverify.spec.EventFormat;
import io.jenkins.plugins.lambdaverify.spec.LogPatternSpec;
import io.jenkins.plugins.lambdaverify.spec.Mode;
import io.jenkins.plugins.lambdaverify.spec.TargetSpec;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the agent needs for one verification, resolved on the controller. Plain serializable data: it crosses
 * the remoting channel (JDK types limited to String, numbers, lists and maps).
 *
 * @param id                 unique per invocation in the build (the step's node id, or {@code publisher})
 * @param reportDir          workspace-relative directory for the reports, e.g. {@code lambda-verify/7}
 * @param configPath         workspace-relative config file, or {@code null}
 * @param configRequired     whether a missing config file is an error (it was named explicitly)
 * @param target             target overrides from the step parameters
 * @param phases             inline phases (plain maps), empty when none
 * @param logPatterns        extra log patterns
 * @param rollback           rollback strategy override, or {@code null}
 * @param concurrency        checks in flight at once as the step says, 0: as the config file says
 * @param timeoutSeconds     deadline of the run, 0: as the config file says
 * @param aws                how to reach AWS
 * @param concurrencyCap     the most checks in flight at once, whatever the config says (the controller-wide
 *                           invocation permits this run holds)
 * @param previous           the rollback point an earlier build kept, copied into the workspace, or {@code null}
 */
record AgentRequest(
        String id,
        String reportDir,
        @CheckForNull String configPath,
        boolean configRequired,
        TargetOverrides target,
        List<Map<String, Object>> phases,
        List<Pattern> logPatterns,
        @CheckForNull String rollback,
        int concurrency,
        int timeoutSeconds,
        AgentAws aws,
        int concurrencyCap,
        @CheckForNull Carried previous)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    AgentRequest {
        phases = Collections.unmodifiableList(new ArrayList<>(phases.stream()
                .map(m -> (Map<String, Object>) new LinkedHashMap<>(m))
                .toList()));
        logPatterns = Collections.unmodifiableList(new ArrayList<>(logPatterns));
    }

    /** The extra log patterns as the engine's specs. */
    List<LogPatternSpec> logPatternSpecs() {
        return logPatterns.stream().map(Pattern::toSpec).toList();
    }

    AgentRequest withConcurrencyCap(int cap) {
        return new AgentRequest(
                id,
                reportDir,
                configPath,
                configRequired,
                target,
                phases,
                logPatterns,
                rollback,
                concurrency,
                timeoutSeconds,
                aws,
                cap,
                previous);
    }

    AgentRequest withPrevious(@CheckForNull Carried carried) {
        return new AgentRequest(
                id,
                reportDir,
                configPath,
                configRequired,
                target,
                phases,
                logPatterns,
                rollback,
                concurrency,
                timeoutSeconds,
                aws,
                concurrencyCap,
                carried);
    }

    /**
     * A rollback point an earlier build kept: the agent makes it the run's previous report when the spec's rollback
     * is {@code sam} with nothing else to go back to.
     *
     * @param report workspace-relative path of its {@code report.json}
     * @param source which build kept it, for the log
     */
    record Carried(String report, String source) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** Target fields given as step parameters; each non-null one overrides the config file. */
    record TargetOverrides(
            String function,
            String stack,
            String logicalId,
            String qualifier,
            String region,
            String endpointUrl,
            String baseUrl,
            String mode,
            String eventFormat)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        /**
         * The overrides as the engine's target: apply with
         * {@code fileTarget.overriddenWithLookupBy(toTargetSpec())}. Mode and
         * event format were validated on the controller.
         */
        TargetSpec toTargetSpec() {
            return new TargetSpec(
                    mode == null ? null : Mode.fromId(mode),
                    function,
                    qualifier,
                    region,
                    endpointUrl,
                    baseUrl,
                    eventFormat == null ? null : EventFormat.fromId(eventFormat),
                    stack,
                    logicalId,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
    }

    /** A log pattern as plain data. */
    record Pattern(String name, String regex, long threshold) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        LogPatternSpec toSpec() {
            return new LogPatternSpec(name, regex, threshold);
        }
    }
}
