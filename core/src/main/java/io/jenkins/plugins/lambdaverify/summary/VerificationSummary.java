package io.jenkins.plugins.lambdaverify.summary;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One verification as a CI server keeps it: the numbers and evidence of a {@code RunReport} as plain data (no SDK
 * types, no engine records), for the build page, the trend charts and the Pipeline step's returned {@link #toMap()}.
 * Built by {@link SummaryFactory}.
 *
 * <p>Serializable because the Jenkins plugin builds it on the agent, sends it to the controller over remoting and
 * keeps it next to build.xml with XStream. The fields are therefore limited to String, boxed numbers, booleans,
 * ArrayList and the nested classes here: the JDK types Jenkins' class filter accepts (no {@code List.copyOf}), and
 * the plugin's {@code META-INF/hudson.remoting.ClassFilter} names these classes. Plain classes, not records: Jenkins'
 * XStream restores objects field by field, which records do not allow.
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
    private final String buildResult;
    /** clean, found, skipped or failed ({@code logScan.status} of report.json); null in summaries kept before it. */
    private final String logScan;
    /** Why the log scan could not read the logs (one masked line), else null. */
    private final String logScanProblem;

    /**
     * @param infrastructureError why the run could not reach the function, or {@code null}
     * @param rollback            what the rollback did, or {@code null} when none was attempted
     * @param reportFiles         workspace-relative paths of the written reports
     */
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
            String infrastructureError,
            List<Phase> phases,
            List<Check> problems,
            List<Finding> findings,
            Rollback rollback,
            List<String> reportFiles) {
        this(id, target, passed, total, passedCount, failed, errors, skipped, failingFindings, durationMillis,
                p95LatencyMillis, coldStarts, termination, infrastructureError, phases, problems, findings, rollback,
                reportFiles, null, null, null);
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private VerificationSummary(
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
            String infrastructureError,
            List<Phase> phases,
            List<Check> problems,
            List<Finding> findings,
            Rollback rollback,
            List<String> reportFiles,
            String buildResult,
            String logScan,
            String logScanProblem) {
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
        this.buildResult = buildResult;
        this.logScan = logScan;
        this.logScanProblem = logScanProblem;
    }

    /** Unique within the build: the Pipeline step's node id, or {@code publisher} for the freestyle action. */
    public String getId() {
        return id;
    }

    /** What was verified, e.g. {@code lambda:orders-api:live}. */
    public String getTarget() {
        return target;
    }

    /** Whether the verification passed: every check passed, no failing log finding, no infrastructure error. */
    public boolean isPassed() {
        return passed;
    }

    /** Checks in the run, skipped ones included. */
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

    /** Log findings over their pattern's threshold. */
    public int getFailingFindings() {
        return failingFindings;
    }

    public long getDurationMillis() {
        return durationMillis;
    }

    /** Nearest-rank 95th percentile latency of the checks that ran; 0 when none ran. */
    public long getP95LatencyMillis() {
        return p95LatencyMillis;
    }

    /** Checks whose invocation hit a cold start (the function's init ran). */
    public int getColdStarts() {
        return coldStarts;
    }

    /** How the run ended: the name of a {@code Termination}, e.g. {@code COMPLETED} or {@code ABORTED}. */
    public String getTermination() {
        return termination;
    }

    /** Why the run could not reach the function, or {@code null}. */
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

    /** What the rollback did, or {@code null} when none was attempted. */
    public Rollback getRollback() {
        return rollback;
    }

    /** Whether a rollback was done (not merely attempted, refused or dry-run). */
    public boolean isRolledBack() {
        return rollback != null && "DONE".equals(rollback.getStatus());
    }

    /** Workspace-relative paths of the written reports (JUnit, JSON, Markdown). */
    public List<String> getReportFiles() {
        return Collections.unmodifiableList(reportFiles);
    }

    /** The build result this verification asked for (e.g. {@code UNSTABLE}), or {@code null} before it was decided. */
    public String getBuildResult() {
        return buildResult;
    }

    /** This summary with the build result its result policy asked for (decided after the run, by the front end). */
    public VerificationSummary withBuildResult(String result) {
        return new VerificationSummary(id, target, passed, total, passedCount, failed, errors, skipped,
                failingFindings, durationMillis, p95LatencyMillis, coldStarts, termination, infrastructureError,
                phases, problems, findings, rollback, reportFiles, result, logScan, logScanProblem);
    }

    /**
     * This summary with how its log scan ended.
     *
     * @param state   clean, found, skipped or failed
     * @param problem why the scan could not read the logs (failed only), else {@code null}
     */
    public VerificationSummary withLogScan(String state, String problem) {
        return new VerificationSummary(id, target, passed, total, passedCount, failed, errors, skipped,
                failingFindings, durationMillis, p95LatencyMillis, coldStarts, termination, infrastructureError,
                phases, problems, findings, rollback, reportFiles, buildResult, state, problem);
    }

    /** How the log scan ended: clean, found, skipped or failed; {@code null} for summaries kept before it existed. */
    public String getLogScan() {
        return logScan;
    }

    /** Why the log scan could not read the logs ("logs were clean" must never be confused with it), else null. */
    public String getLogScanProblem() {
        return logScanProblem;
    }

    /**
     * What the Pipeline step returns: plain types only (String, Integer, Long, Boolean, ArrayList, {@code null}),
     * readable in the script sandbox. The keys are documented in docs/jenkins.md.
     */
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
        map.put("logScan", logScan);
        map.put("logScanProblem", logScanProblem);
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

        /** Whether no check of the phase failed or errored (skipped checks do not count against it). */
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
                String errorMessage,
                Integer statusCode,
                String responseExcerpt,
                long latencyMillis,
                String requestId,
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

        /** {@code FAILED} or {@code ERROR}: the name of the check's {@code Outcome}. */
        public String getOutcome() {
            return outcome;
        }

        public String getExpectation() {
            return expectation;
        }

        public List<String> getFailures() {
            return Collections.unmodifiableList(failures);
        }

        /** Why the check could not be evaluated (an error), or {@code null}. */
        public String getErrorMessage() {
            return errorMessage;
        }

        /** The HTTP status the function answered, or {@code null} when there was no response. */
        public Integer getStatusCode() {
            return statusCode;
        }

        /** The start of the (masked) response body, or {@code null}. */
        public String getResponseExcerpt() {
            return responseExcerpt;
        }

        public long getLatencyMillis() {
            return latencyMillis;
        }

        /** The Lambda request id, or {@code null} (http mode, or no response). */
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

        /** Whether more events matched than the pattern allows. */
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
                String fromVersion,
                String toVersion,
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

        /** The name of a {@code RollbackOutcome.Status}: {@code DONE}, {@code DRY_RUN}, {@code REFUSED} or {@code FAILED}. */
        public String getStatus() {
            return status;
        }

        public String getReason() {
            return reason;
        }

        /** The version the rollback moved away from, or {@code null} (e.g. a SAM rollback). */
        public String getFromVersion() {
            return fromVersion;
        }

        /** The version the rollback moved to, or {@code null}. */
        public String getToVersion() {
            return toVersion;
        }

        public List<String> getOutput() {
            return Collections.unmodifiableList(output);
        }
    }
}
