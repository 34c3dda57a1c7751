package io.jenkins.plugins.lambdaverify.summary;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Every verification of one build, in the order they ran (a Pipeline may verify several functions), and the numbers
 * a trend chart draws per build.
 *
 * <p>Serializable for the same reason as {@link VerificationSummary}: the Jenkins plugin keeps it next to build.xml
 * with XStream.
 */
public class BuildSummary implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final List<VerificationSummary> verifications;

    public BuildSummary(List<VerificationSummary> verifications) {
        this.verifications = new ArrayList<>(verifications);
    }

    public List<VerificationSummary> getVerifications() {
        return Collections.unmodifiableList(verifications);
    }

    /** This build summary with one more verification. */
    public BuildSummary with(VerificationSummary summary) {
        List<VerificationSummary> all = new ArrayList<>(verifications);
        all.add(summary);
        return new BuildSummary(all);
    }

    /**
     * An id for one more verification of this build: {@code base}, or {@code base-2}, {@code base-3}... when a
     * verification already has it (a step run twice on the same node id, two publishers).
     */
    public String uniqueId(String base) {
        return uniqueId(base, verifications.stream().map(VerificationSummary::getId).toList());
    }

    /**
     * The same rule over any ids already taken: {@code base}, or {@code base-2}, {@code base-3}... (a front end adds
     * the ids it has handed out to verifications still running, e.g. in parallel branches).
     */
    public static String uniqueId(String base, Collection<String> taken) {
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** Whether every verification of the build passed (a build without any passed nothing wrong). */
    public boolean isPassed() {
        return verifications.stream().allMatch(VerificationSummary::isPassed);
    }

    public int getPassedCount() {
        return verifications.stream()
                .mapToInt(VerificationSummary::getPassedCount)
                .sum();
    }

    public int getFailed() {
        return verifications.stream().mapToInt(VerificationSummary::getFailed).sum();
    }

    public int getErrors() {
        return verifications.stream().mapToInt(VerificationSummary::getErrors).sum();
    }

    public int getSkipped() {
        return verifications.stream().mapToInt(VerificationSummary::getSkipped).sum();
    }

    public int getTotal() {
        return verifications.stream().mapToInt(VerificationSummary::getTotal).sum();
    }

    public int getFailingFindings() {
        return verifications.stream()
                .mapToInt(VerificationSummary::getFailingFindings)
                .sum();
    }

    /** Verifications whose rollback was done (dry runs, refusals and failed rollbacks do not count). */
    public int getRollbacks() {
        return (int)
                verifications.stream().filter(VerificationSummary::isRolledBack).count();
    }

    /** The slowest verification's p95 latency: the number to watch across builds. */
    public long getP95LatencyMillis() {
        return verifications.stream()
                .mapToLong(VerificationSummary::getP95LatencyMillis)
                .max()
                .orElse(0);
    }

    public int getColdStarts() {
        return verifications.stream()
                .mapToInt(VerificationSummary::getColdStarts)
                .sum();
    }
}
