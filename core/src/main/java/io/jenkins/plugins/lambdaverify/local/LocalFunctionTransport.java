package io.jenkins.plugins.lambdaverify.local;

import io.jenkins.plugins.lambdaverify.invoke.FunctionTransport;
import io.jenkins.plugins.lambdaverify.invoke.InvocationException;
import io.jenkins.plugins.lambdaverify.invoke.RawInvocation;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a built function locally: a small pool of warm bootstrap processes, one invocation per process at a time.
 * A process that timed out, crashed or failed its init is discarded and the next invocation starts a new one
 * (a cold start, with {@code Init Duration} in its REPORT line), as Lambda replaces a sandbox.
 */
public final class LocalFunctionTransport implements FunctionTransport {
    public static final int DEFAULT_POOL_SIZE = 2;

    private final LocalFunctionConfig config;
    private final Interpreter interpreter;
    private final LocalLogBuffer logs;
    private final Semaphore permits;
    private final Deque<LocalProcess> idle = new ArrayDeque<>();
    private final Set<LocalProcess> live = new HashSet<>();
    private final AtomicInteger started = new AtomicInteger();
    private boolean closed;

    /** Use {@link LocalRuntime#open} to get one with its configuration checked. */
    LocalFunctionTransport(LocalFunctionConfig config, Interpreter interpreter, LocalLogBuffer logs, int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1: " + poolSize);
        }
        this.config = config;
        this.interpreter = interpreter;
        this.logs = logs;
        this.permits = new Semaphore(poolSize, true);
    }

    @Override
    public RawInvocation invoke(byte[] payload, Duration timeout) throws InvocationException, InterruptedException {
        return invokeLocal(payload, timeout).toRaw();
    }

    /** {@link #invoke} with the local details: the init duration and the invocation's log lines. */
    public LocalInvocation invokeLocal(byte[] payload, Duration timeout)
            throws InvocationException, InterruptedException {
        permits.acquire();
        LocalProcess process = null;
        try {
            process = take();
            LocalInvocation result = process.invoke(UUID.randomUUID().toString(), payload, timeout);
            release(process);
            process = null;
            return result;
        } finally {
            if (process != null) {
                // Interrupted or failed mid-invocation: its state is unknown, never reuse it.
                discard(process);
            }
            permits.release();
        }
    }

    private LocalProcess take() throws InvocationException {
        synchronized (this) {
            if (closed) {
                throw new InvocationException(InvocationException.Kind.ABORTED, describe() + " is closed");
            }
            LocalProcess warm = idle.pollFirst();
            if (warm != null) {
                return warm;
            }
        }
        try {
            LocalProcess process = LocalProcess.start(interpreter, config, logs);
            started.incrementAndGet();
            synchronized (this) {
                live.add(process);
            }
            return process;
        } catch (IOException e) {
            throw new InvocationException(InvocationException.Kind.SERVICE, "cannot start "
                    + interpreter.executable() + " for local function " + config.functionName() + ": "
                    + e.getMessage(), null, e);
        }
    }

    private void release(LocalProcess process) {
        synchronized (this) {
            if (!closed && process.reusable()) {
                idle.addFirst(process);
                return;
            }
        }
        discard(process);
    }

    private void discard(LocalProcess process) {
        synchronized (this) {
            live.remove(process);
        }
        process.close();
    }

    /** How many processes this transport started: 1 per cold start. */
    public int processesStarted() {
        return started.get();
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    /**
     * A warning when the local interpreter is not the runtime's version (e.g. python3.12 run by Python 3.11),
     * or {@code null}: version-specific behaviour is then not what Lambda will do, imports still are.
     */
    public String versionMismatch() {
        String runtime = config.runtime().trim().toLowerCase(java.util.Locale.ROOT);
        String version = interpreter.version().startsWith("v") ? interpreter.version().substring(1)
                : interpreter.version();
        String expected = runtime.startsWith("python") ? runtime.substring("python".length())
                : runtime.substring("nodejs".length(), runtime.length() - ".x".length());
        boolean same = runtime.startsWith("python") ? (version + ".").startsWith(expected + ".")
                : version.split("\\.")[0].equals(expected);
        return same ? null : "function " + config.functionName() + " targets " + config.runtime() + " but runs on "
                + interpreter.executable() + " " + interpreter.version() + " locally";
    }

    public LocalFunctionConfig config() {
        return config;
    }

    public LocalLogBuffer logs() {
        return logs;
    }

    @Override
    public String describe() {
        return "local:" + config.functionName() + " (" + config.runtime() + " on " + interpreter.executable() + " "
                + interpreter.version() + ", " + config.artifactDir() + ")";
    }

    @Override
    public void close() {
        Set<LocalProcess> all;
        synchronized (this) {
            closed = true;
            idle.clear();
            all = Set.copyOf(live);
            live.clear();
        }
        all.forEach(LocalProcess::close);
    }
}
