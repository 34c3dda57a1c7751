package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class InvocationPermitsTest {
    @Test
    void grantsWhatIsFreeUpToTheWantedNumber() throws InterruptedException {
        InvocationPermits permits = new InvocationPermits(10);

        assertThat(permits.acquire(8)).isEqualTo(8);
        assertThat(permits.acquire(8)).isEqualTo(2);
        assertThat(permits.available()).isZero();
    }

    @Test
    void waitsWhileNoneIsFreeAndContinuesOnRelease() throws Exception {
        InvocationPermits permits = new InvocationPermits(2);
        permits.acquire(2);

        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return permits.acquire(4);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(waiting).isNotDone();

        permits.release(1);
        assertThat(waiting.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void growingTheCapacityWakesWaiters() throws Exception {
        InvocationPermits permits = new InvocationPermits(1);
        permits.acquire(1);
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return permits.acquire(3);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        permits.resize(4);
        assertThat(waiting.get(20, TimeUnit.SECONDS)).isEqualTo(3);
    }

    @Test
    void releasingMoreThanTakenNeverMakesRoomBeyondTheCapacity() throws InterruptedException {
        InvocationPermits permits = new InvocationPermits(3);
        permits.release(5);

        assertThat(permits.available()).isEqualTo(3);
        assertThat(permits.acquire(10)).isEqualTo(3);
    }
}
