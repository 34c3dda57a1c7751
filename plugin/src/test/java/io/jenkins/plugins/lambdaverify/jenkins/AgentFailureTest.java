package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What crosses back from the agent when the engine fails unexpectedly: one masked line, no library types. */
class AgentFailureTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYAGENTFAIL1";
    private static final SecretMasker MASKER = SecretMasker.defaults()
            .withEnvironmentSecrets(Map.of("AWS_SECRET_ACCESS_KEY", SECRET))
            .withLiterals(List.of(SECRET));

    @Test
    void namesTheExceptionAndItsRootCauseOnOneMaskedLine() {
        RuntimeException failure = new IllegalStateException(
                "signing failed with\n" + SECRET,
                new UncheckedIOException(new IOException("connection reset by 10.0.0.1")));

        String line = AgentFailure.message(failure, MASKER);

        assertThat(line)
                .startsWith("lambda-verify: the verification failed on the agent: IllegalStateException: ")
                .contains("signing failed with")
                .contains("(caused by IOException: connection reset by 10.0.0.1)")
                .doesNotContain(SECRET)
                .doesNotContain("\n");
    }

    @Test
    void anExceptionWithoutMessageIsNamed() {
        assertThat(AgentFailure.message(new NullPointerException(), MASKER))
                .isEqualTo("lambda-verify: the verification failed on the agent: NullPointerException");
    }
}
