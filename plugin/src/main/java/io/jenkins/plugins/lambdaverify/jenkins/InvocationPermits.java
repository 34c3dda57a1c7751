package io.jenkins.plugins.lambdaverify.jenkins;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The controller-wide cap on invocations in flight (AWS concurrency quotas are per account and region, not per build).
 * A verification takes up to as many permits as its concurrency before it starts and runs with what it got, at
 * least one; it waits while none is free.
 */
final class InvocationPermits {
    /** Default cap on invocations in flight across all builds (AWS Lambda's default burst quotas are far higher). */
    static final int DEFAULT_CAPACITY = 32;

    private static final InvocationPermits INSTANCE = new InvocationPermits(DEFAULT_CAPACITY);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private int capacity;
    private int inUse;

    InvocationPermits(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    static InvocationPermits get() {
        return INSTANCE;
    }

    /** Takes between 1 and {@code wanted} permits, waiting while none is free. */
    int acquire(int wanted) throws InterruptedException {
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

    void release(int permits) {
        lock.lock();
        try {
            inUse = Math.max(0, inUse - permits);
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void resize(int newCapacity) {
        lock.lock();
        try {
            capacity = Math.max(1, newCapacity);
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int available() {
        lock.lock();
        try {
            return Math.max(0, capacity - inUse);
        } finally {
            lock.unlock();
        }
    }
}
