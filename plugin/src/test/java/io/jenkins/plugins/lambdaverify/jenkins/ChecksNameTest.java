package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each verification of a build publishes its own check, named so a reader finds the stage and the function. */
class ChecksNameTest {
    @Test
    void namesTheStagesOutermostFirstThenTheTarget() {
        // junit lists the enclosing blocks innermost first: branch 'staging' inside stage 'Verify'
        assertThat(ChecksName.of(List.of("staging", "Verify"), "lambda:orders-api:live"))
                .isEqualTo("Lambda verification / Verify / staging / lambda:orders-api:live");
    }

    @Test
    void freestyleHasOnlyTheTarget() {
        assertThat(ChecksName.of(List.of(), "lambda:orders-api:live"))
                .isEqualTo("Lambda verification / lambda:orders-api:live");
    }

    @Test
    void twoVerificationsOfOneBuildGetTwoChecks() {
        List<String> stage = List.of("Verify");

        assertThat(ChecksName.of(stage, "lambda:orders-api:live"))
                .isNotEqualTo(ChecksName.of(stage, "lambda:billing-api:live"))
                .isNotEqualTo(ChecksName.of(List.of("Verify staging"), "lambda:orders-api:live"));
    }
}
