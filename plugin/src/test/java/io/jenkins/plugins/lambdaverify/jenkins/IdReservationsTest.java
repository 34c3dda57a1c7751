package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Verifications of one build never share an id (their report directory), even when they start at once. */
class IdReservationsTest {
    private final IdReservations<Object> ids = new IdReservations<>();

    @Test
    void recordedAndReservedIdsAreBothTaken() {
        Object build = new Object();

        assertThat(ids.reserve(build, "publisher", () -> Set.of("publisher"))).isEqualTo("publisher-2");
        assertThat(ids.reserve(build, "publisher", () -> Set.of("publisher"))).isEqualTo("publisher-3");
        assertThat(ids.reserve(build, "7", Set::of)).isEqualTo("7");
    }

    @Test
    void eachBuildHasItsOwnIds() {
        assertThat(ids.reserve(new Object(), "publisher", Set::of)).isEqualTo("publisher");
        assertThat(ids.reserve(new Object(), "publisher", Set::of)).isEqualTo("publisher");
    }

    @Test
    @Timeout(30)
    void verificationsStartingAtOnceGetDistinctIds() throws Exception {
        Object build = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> starts = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                starts.add(() -> ids.reserve(build, "publisher", Set::of));
            }
            List<String> handedOut = new ArrayList<>();
            for (Future<String> id : pool.invokeAll(starts)) {
                handedOut.add(id.get());
            }

            assertThat(handedOut).doesNotHaveDuplicates().hasSize(64).contains("publisher", "publisher-64");
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
