package io.jenkins.plugins.lambdaverify.run;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs blocking AWS work (resolution, log scan, UpdateAlias) on a worker thread and waits for it at most until a
 * limit, interruptibly. The SDK's blocking HTTP read reacts neither to interrupts nor to the run's deadline, so
 * without this a slow or stalled endpoint holds the run far past its deadline and an abort waits for the answer.
 * Abandoned work ends by itself within its client's call timeout; what it produced late is handed to
 * {@code whenAbandoned} (e.g. a session to close).
 */
final class Bounded {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private Bounded() {
    }

    static <T> T call(String name, Duration limit, Callable<T> work, Consumer<T> whenAbandoned)
            throws TimeoutException, InterruptedException, ExecutionException {
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicBoolean abandoned = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            try {
                T value = work.call();
                if (!result.complete(value) || abandoned.get()) {
                    abandon(value, whenAbandoned);
                }
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "lambda-verify-" + name + "-" + THREADS.incrementAndGet());
        worker.setDaemon(true);
        worker.start();
        try {
            long nanos = Math.max(0, limit.toNanos());
            return result.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            abandoned.set(true);
            worker.interrupt();
            // a value that arrived between the timeout and now is no one's: release it
            T late = result.isDone() && !result.isCompletedExceptionally() ? result.getNow(null) : null;
            if (late != null) {
                abandon(late, whenAbandoned);
            }
            throw e;
        }
    }

    private static <T> void abandon(T value, Consumer<T> whenAbandoned) {
        if (value != null && whenAbandoned != null) {
            try {
                whenAbandoned.accept(value);
            } catch (RuntimeException ignored) {
                // releasing abandoned work is best effort
            }
        }
    }
}
