package io.jenkins.plugins.lambdaverify.run;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A cap on invocations in flight shared by several runs in one process (AWS concurrency quotas are per account and
 * region, not per run): the Jenkins plugin keeps one per controller for all builds. A run takes up to as many permits
 * as its concurrency before it starts and runs with what it got, at least one (pass that as
 * {@code SpecOverrides.concurrencyCap}); it waits while none is free, and gives them back when it ends.
 */
public final class InvocationPermits {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private int capacity;
    private int inUse;

    /** @param capacity the most invocations in flight at once; less than 1 means 1 */
    public InvocationPermits(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    /**
     * Takes between 1 and {@code wanted} permits: as many as are free, waiting while none is.
     *
     * @return the permits granted; give exactly these back with {@link #release(int)}
     * @throws InterruptedException when interrupted while waiting (nothing was taken then)
     */
    public int acquire(int wanted) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (capacity - inUse <= 0) {
                released.await();
            }
            int granted = Math.max(1, Math.min(wanted, capacity - inUse));
            inUse += granted;
            return granted;
        } finally {
            lock.unlock();
        }
    }

    /** Gives permits back and wakes the runs waiting for them. */
    public void release(int permits) {
        lock.lock();
        try {
            inUse = Math.max(0, inUse - permits);
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Changes the cap (a new global configuration). Runs holding permits keep them; a smaller cap takes effect as they
     * give them back, a larger one wakes the runs waiting.
     */
    public void resize(int newCapacity) {
        lock.lock();
        try {
            capacity = Math.max(1, newCapacity);
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Permits free right now. */
    public int available() {
        lock.lock();
        try {
            return Math.max(0, capacity - inUse);
        } finally {
            lock.unlock();
        }
    }
}
