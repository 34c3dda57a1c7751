package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One verification as Jenkins keeps it: plain data only (no SDK or core types), so that it crosses the agent channel,
 * persists with XStream next to the build and renders in Jelly. Built on the agent by {@link SummaryFactory}.
 */
public class VerificationSummary implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String target;
    private final boolean passed;
    private final int total;
    private final int passedCount;
    private final int failed;
    private final int errors;
    private final int skipped;
    private final int failingFindings;
    private final long durationMillis;
    private final long p95LatencyMillis;
    private final int coldStarts;
    private final String termination;
    private final String infrastructureError;
    private final List<Phase> phases;
    private final List<Check> problems;
    private final List<Finding> findings;
    private final Rollback rollback;
    private final List<String> reportFiles;
    private String buildResult;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public VerificationSummary(
            String id,
            String target,
            boolean passed,
            int total,
            int passedCount,
            int failed,
            int errors,
            int skipped,
            int failingFindings,
            long durationMillis,
            long p95LatencyMillis,
            int coldStarts,
            String termination,
            @CheckForNull String infrastructureError,
            List<Phase> phases,
            List<Check> problems,
            List<Finding> findings,
            @CheckForNull Rollback rollback,
            List<String> reportFiles) {
        this.id = id;
        this.target = target;
        this.passed = passed;
        this.total = total;
        this.passedCount = passedCount;
        this.failed = failed;
        this.errors = errors;
        this.skipped = skipped;
        this.failingFindings = failingFindings;
        this.durationMillis = durationMillis;
        this.p95LatencyMillis = p95LatencyMillis;
        this.coldStarts = coldStarts;
        this.termination = termination;
        this.infrastructureError = infrastructureError;
        this.phases = new ArrayList<>(phases);
        this.problems = new ArrayList<>(problems);
        this.findings = new ArrayList<>(findings);
        this.rollback = rollback;
        this.reportFiles = new ArrayList<>(reportFiles);
    }

    /** Unique within the build: the Pipeline step's node id, or {@code publisher} for the freestyle action. */
    public String getId() {
        return id;
    }

    public String getTarget() {
        return target;
    }

    public boolean isPassed() {
        return passed;
    }

    public int getTotal() {
        return total;
    }

    public int getPassedCount() {
        return passedCount;
    }

    public int getFailed() {
        return failed;
    }

    public int getErrors() {
        return errors;
    }

    public int getSkipped() {
        return skipped;
    }

    public int getFailingFindings() {
        return failingFindings;
    }

    public long getDurationMillis() {
        return durationMillis;
    }

    public long getP95LatencyMillis() {
        return p95LatencyMillis;
    }

    public int getColdStarts() {
        return coldStarts;
    }

    public String getTermination() {
        return termination;
    }

    @CheckForNull
    public String getInfrastructureError() {
        return infrastructureError;
    }

    public List<Phase> getPhases() {
        return Collections.unmodifiableList(phases);
    }

    /** The checks that failed or errored, with everything needed to see why. */
    public List<Check> getProblems() {
        return Collections.unmodifiableList(problems);
    }

    public List<Finding> getFindings() {
        return Collections.unmodifiableList(findings);
    }

    @CheckForNull
    public Rollback getRollback() {
        return rollback;
    }

    public boolean isRolledBack() {
        return rollback != null && "DONE".equals(rollback.getStatus());
    }

    /** Workspace-relative paths of the written reports (JUnit, JSON, Markdown). */
    public List<String> getReportFiles() {
        return Collections.unmodifiableList(reportFiles);
    }

    /** The build result this verification asked for, set on the controller once the policy was applied. */
    @CheckForNull
    public String getBuildResult() {
        return buildResult;
    }

    void setBuildResult(String buildResult) {
        this.buildResult = buildResult;
    }

    /** What the Pipeline step returns: plain types only, readable in the sandbox. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("passed", passed);
        map.put("target", target);
        map.put("total", total);
        map.put("passedCount", passedCount);
        map.put("failed", failed);
        map.put("errors", errors);
        map.put("skipped", skipped);
        map.put("findings", failingFindings);
        map.put("rolledBack", isRolledBack());
        map.put("p95LatencyMillis", p95LatencyMillis);
        map.put("coldStarts", coldStarts);
        map.put("termination", termination);
        map.put("infrastructureError", infrastructureError);
        map.put("reports", new ArrayList<>(reportFiles));
        map.put("result", buildResult);
        return map;
    }

    /** Counts of one phase. */
    public static class Phase implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String name;
        private final int passed;
        private final int failed;
        private final int errors;
        private final int skipped;
        private final long durationMillis;

        public Phase(String name, int passed, int failed, int errors, int skipped, long durationMillis) {
            this.name = name;
            this.passed = passed;
            this.failed = failed;
            this.errors = errors;
            this.skipped = skipped;
            this.durationMillis = durationMillis;
        }

        public String getName() {
            return name;
        }

        public int getPassed() {
            return passed;
        }

        public int getFailed() {
            return failed;
        }

        public int getErrors() {
            return errors;
        }

        public int getSkipped() {
            return skipped;
        }

        public long getDurationMillis() {
            return durationMillis;
        }

        public boolean isOk() {
            return failed == 0 && errors == 0;
        }
    }

    /** A failed or errored check, already masked of secrets by the engine. */
    public static class Check implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String phase;
        private final String name;
        private final String outcome;
        private final String expectation;
        private final List<String> failures;
        private final String errorMessage;
        private final Integer statusCode;
        private final String responseExcerpt;
        private final long latencyMillis;
        private final String requestId;
        private final List<String> logLines;

        @SuppressWarnings("checkstyle:ParameterNumber")
        public Check(
                String phase,
                String name,
                String outcome,
                String expectation,
                List<String> failures,
                @CheckForNull String errorMessage,
                @CheckForNull Integer statusCode,
                @CheckForNull String responseExcerpt,
                long latencyMillis,
                @CheckForNull String requestId,
                List<String> logLines) {
            this.phase = phase;
            this.name = name;
            this.outcome = outcome;
            this.expectation = expectation;
            this.failures = new ArrayList<>(failures);
            this.errorMessage = errorMessage;
            this.statusCode = statusCode;
            this.responseExcerpt = responseExcerpt;
            this.latencyMillis = latencyMillis;
            this.requestId = requestId;
            this.logLines = new ArrayList<>(logLines);
        }

        public String getPhase() {
            return phase;
        }

        public String getName() {
            return name;
        }

        public String getOutcome() {
            return outcome;
        }

        public String getExpectation() {
            return expectation;
        }

        public List<String> getFailures() {
            return Collections.unmodifiableList(failures);
        }

        @CheckForNull
        public String getErrorMessage() {
            return errorMessage;
        }

        @CheckForNull
        public Integer getStatusCode() {
            return statusCode;
        }

        @CheckForNull
        public String getResponseExcerpt() {
            return responseExcerpt;
        }

        public long getLatencyMillis() {
            return latencyMillis;
        }

        @CheckForNull
        public String getRequestId() {
            return requestId;
        }

        public List<String> getLogLines() {
            return Collections.unmodifiableList(logLines);
        }
    }

    /** Log events of one pattern and signature. */
    public static class Finding implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String pattern;
        private final String signature;
        private final long count;
        private final long threshold;
        private final List<String> samples;

        public Finding(String pattern, String signature, long count, long threshold, List<String> samples) {
            this.pattern = pattern;
            this.signature = signature;
            this.count = count;
            this.threshold = threshold;
            this.samples = new ArrayList<>(samples);
        }

        public String getPattern() {
            return pattern;
        }

        public String getSignature() {
            return signature;
        }

        public long getCount() {
            return count;
        }

        public long getThreshold() {
            return threshold;
        }

        public boolean isFailing() {
            return count > threshold;
        }

        public List<String> getSamples() {
            return Collections.unmodifiableList(samples);
        }
    }

    /** What the rollback did. */
    public static class Rollback implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String strategy;
        private final String status;
        private final String reason;
        private final String fromVersion;
        private final String toVersion;
        private final List<String> output;

        public Rollback(
                String strategy,
                String status,
                String reason,
                @CheckForNull String fromVersion,
                @CheckForNull String toVersion,
                List<String> output) {
            this.strategy = strategy;
            this.status = status;
            this.reason = reason;
            this.fromVersion = fromVersion;
            this.toVersion = toVersion;
            this.output = new ArrayList<>(output);
        }

        public String getStrategy() {
            return strategy;
        }

        public String getStatus() {
            return status;
        }

        public String getReason() {
            return reason;
        }

        @CheckForNull
        public String getFromVersion() {
            return fromVersion;
        }

        @CheckForNull
        public String getToVersion() {
            return toVersion;
        }

        public List<String> getOutput() {
            return Collections.unmodifiableList(output);
        }
    }
}
