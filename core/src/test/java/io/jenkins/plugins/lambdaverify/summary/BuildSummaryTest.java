package io.jenkins.plugins.lambdaverify.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers the job page's trend charts draw per build. */
class BuildSummaryTest {
    @Test
    void trendNumbersAddUpEveryVerificationOfTheBuild() {
        BuildSummary build = new BuildSummary(
                List.of(Summaries.passed("staging", 4, 100, 1), Summaries.failedWithRollback("production", "DONE")));

        assertThat(build.isPassed()).isFalse();
        assertThat(build.getTotal()).isEqualTo(7);
        assertThat(build.getPassedCount()).isEqualTo(5);
        assertThat(build.getFailed()).isEqualTo(1);
        assertThat(build.getErrors()).isEqualTo(1);
        assertThat(build.getSkipped()).isZero();
        assertThat(build.getFailingFindings()).isEqualTo(1);
        assertThat(build.getRollbacks()).isEqualTo(1);
        assertThat(build.getColdStarts()).isEqualTo(3);
    }

    @Test
    void p95OfTheBuildIsTheSlowestVerificationsNotAnAverage() {
        BuildSummary build = new BuildSummary(List.of(
                Summaries.passed("a", 4, 100, 0), Summaries.passed("b", 4, 2400, 0), Summaries.passed("c", 4, 50, 0)));

        assertThat(build.getP95LatencyMillis()).isEqualTo(2400);
    }

    @Test
    void onlyRollbacksThatWereDoneCount() {
        BuildSummary build = new BuildSummary(List.of(
                Summaries.failedWithRollback("dry", "DRY_RUN"),
                Summaries.failedWithRollback("refused", "REFUSED"),
                Summaries.failedWithRollback("failed", "FAILED")));

        assertThat(build.getRollbacks()).isZero();
        assertThat(build.getVerifications()).noneMatch(VerificationSummary::isRolledBack);
    }

    @Test
    void aBuildWithoutVerificationsDrawsZeros() {
        BuildSummary empty = new BuildSummary(List.of());

        assertThat(empty.isPassed()).isTrue();
        assertThat(empty.getTotal()).isZero();
        assertThat(empty.getP95LatencyMillis()).isZero();
        assertThat(empty.getColdStarts()).isZero();
        assertThat(empty.getRollbacks()).isZero();
    }

    @Test
    void idsStayUniqueWithinABuild() {
        BuildSummary build = new BuildSummary(List.of());
        assertThat(build.uniqueId("publisher")).isEqualTo("publisher");

        build = build.with(Summaries.passed("publisher", 1, 10, 0));
        assertThat(build.uniqueId("publisher")).isEqualTo("publisher-2");
        assertThat(build.uniqueId("7")).isEqualTo("7");

        build = build.with(Summaries.passed("publisher-2", 1, 10, 0));
        assertThat(build.uniqueId("publisher")).isEqualTo("publisher-3");
    }

    @Test
    void idsAreUniqueOverAnyTakenOnes() {
        assertThat(BuildSummary.uniqueId("publisher", List.of())).isEqualTo("publisher");
        assertThat(BuildSummary.uniqueId("publisher", List.of("publisher", "publisher-2", "7")))
                .isEqualTo("publisher-3");
        assertThat(BuildSummary.uniqueId("7", java.util.Set.of("publisher"))).isEqualTo("7");
    }

    @Test
    void addingAVerificationKeepsTheOrderAndLeavesTheOriginalAlone() {
        BuildSummary first = new BuildSummary(List.of(Summaries.passed("staging", 4, 100, 1)));

        BuildSummary both = first.with(Summaries.failedWithRollback("production", "DONE"));

        assertThat(both.getVerifications())
                .extracting(VerificationSummary::getId)
                .containsExactly("staging", "production");
        assertThat(first.getVerifications()).hasSize(1);
        assertThat(first.isPassed()).isTrue();
    }
}
