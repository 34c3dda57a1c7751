package io.jenkins.plugins.lambdaverify.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void aRunGetsAtLeastOnePermitWhateverItAsks() throws InterruptedException {
        InvocationPermits permits = new InvocationPermits(0); // a cap below 1 means 1

        assertThat(permits.acquire(0)).isEqualTo(1);
        assertThat(permits.available()).isZero();
    }

    @Test
    void shrinkingTheCapacityLetsHeldPermitsRunOutFirst() throws Exception {
        InvocationPermits permits = new InvocationPermits(8);
        int held = permits.acquire(6);

        permits.resize(4);

        assertThat(permits.available()).isZero();
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return permits.acquire(8);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        permits.release(held);
        assertThat(waiting.get(20, TimeUnit.SECONDS)).isEqualTo(4);
    }

    @Test
    void aRunInterruptedWhileWaitingTakesNothing() throws Exception {
        InvocationPermits permits = new InvocationPermits(2);
        permits.acquire(2);
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> waiting = pool.submit(() -> {
                started.countDown();
                return permits.acquire(1);
            });
            started.await();
            waiting.cancel(true); // interrupts the waiting thread (the aborted build)

            pool.shutdown();
            assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
            permits.release(2);
            assertThat(permits.available()).isEqualTo(2);
            assertThatThrownBy(waiting::get).isInstanceOf(java.util.concurrent.CancellationException.class);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Many builds at once: the invocations in flight never exceed the cap, and every build gets to run. */
    @Test
    void concurrentRunsNeverExceedTheCap() throws Exception {
        InvocationPermits permits = new InvocationPermits(5);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                int wanted = 1 + i % 4;
                runs.add(pool.submit(() -> {
                    int granted = permits.acquire(wanted);
                    try {
                        most.accumulateAndGet(inFlight.addAndGet(granted), Math::max);
                        Thread.yield();
                        return granted;
                    } finally {
                        inFlight.addAndGet(-granted);
                        permits.release(granted);
                    }
                }));
            }
            for (Future<Integer> run : runs) {
                assertThat(run.get(20, TimeUnit.SECONDS)).isBetween(1, 4);
            }
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isBetween(1, 5);
        assertThat(permits.available()).isEqualTo(5);
    }
}
