package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.Result;
import org.junit.jupiter.api.Test;

class ResultPolicyTest {
    @Test
    void failureIsTheDefault() throws AbortException {
        assertThat(ResultPolicy.parse(null)).isEqualTo(ResultPolicy.FAILURE);
        assertThat(ResultPolicy.parse(" ")).isEqualTo(ResultPolicy.FAILURE);
    }

    @Test
    void namesAreCaseInsensitive() throws AbortException {
        assertThat(ResultPolicy.parse("unstable").result()).isEqualTo(Result.UNSTABLE);
        assertThat(ResultPolicy.parse(" Success ").result()).isEqualTo(Result.SUCCESS);
    }

    @Test
    void anUnknownPolicyIsAOneLineUserError() {
        assertThatThrownBy(() -> ResultPolicy.parse("ABORTED"))
                .isInstanceOf(AbortException.class)
                .hasMessage("resultOnFailure 'ABORTED' is not one of FAILURE, UNSTABLE, SUCCESS");
    }

    @Test
    void rollbackStrategiesAreCheckedToo() throws AbortException {
        assertThat(RollbackStrategies.parse(" Alias ")).isEqualTo("alias");
        assertThat(RollbackStrategies.parse("")).isNull();
        assertThatThrownBy(() -> RollbackStrategies.parse("git-revert"))
                .isInstanceOf(AbortException.class)
                .hasMessage("rollback 'git-revert' is not one of none, alias, sam");
    }
}
