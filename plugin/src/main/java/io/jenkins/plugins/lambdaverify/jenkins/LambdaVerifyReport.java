package io.jenkins.plugins.lambdaverify.jenkins;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every verification of one build, in the order they ran (a Pipeline may verify several functions). */
public class LambdaVerifyReport implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final List<VerificationSummary> verifications;

    public LambdaVerifyReport(List<VerificationSummary> verifications) {
        this.verifications = new ArrayList<>(verifications);
    }

    public List<VerificationSummary> getVerifications() {
        return Collections.unmodifiableList(verifications);
    }

    /** This report with one more verification. */
    public LambdaVerifyReport with(VerificationSummary summary) {
        List<VerificationSummary> all = new ArrayList<>(verifications);
        all.add(summary);
        return new LambdaVerifyReport(all);
    }

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
