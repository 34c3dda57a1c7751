package io.jenkins.plugins.lambdaverify.engine;

import io.jenkins.plugins.lambdaverify.invoke.InvocationException;
import io.jenkins.plugins.lambdaverify.invoke.Invoker;
import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import io.jenkins.plugins.lambdaverify.result.Termination;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import io.jenkins.plugins.lambdaverify.spec.CheckSpec;
import io.jenkins.plugins.lambdaverify.spec.ExecutionSpec;
import io.jenkins.plugins.lambdaverify.spec.PhaseSpec;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the phases of a spec in order, the checks of a phase concurrently (bounded), under a global deadline.
 * Always returns a complete result: checks that could not run are SKIPPED with the reason, so reports are
 * written even when the deadline passes or the run is aborted (interrupted).
 */
public final class VerificationEngine {
    private static final Set<InvocationException.Kind> SYSTEMIC = Set.of(InvocationException.Kind.NOT_FOUND,
            InvocationException.Kind.ACCESS_DENIED);

    private final Invoker invoker;
    private final ProgressListener listener;
    private final Redactor redactor;
    private final Clock clock;

    public VerificationEngine(Invoker invoker, ProgressListener listener, Redactor redactor, Clock clock) {
        this.invoker = invoker;
        this.listener = listener;
        this.redactor = redactor;
        this.clock = clock;
    }

    /**
     * @param spec                the spec
     * @param defaultCheckTimeout used for checks without their own timeout when the spec sets none
     *                            (the function's timeout when known)
     */
    public VerificationResult run(VerifySpec spec, Duration defaultCheckTimeout) {
        return run(spec, defaultCheckTimeout, spec.execution().deadline());
    }

    /**
     * @param remaining what is left of the run's deadline (finding the function took the rest); messages still name
     *                  the spec's deadline
     */
    public VerificationResult run(VerifySpec spec, Duration defaultCheckTimeout, Duration remaining) {
        Instant startedAt = clock.instant();
        long deadlineNanos = System.nanoTime() + remaining.toNanos();
        ExecutionSpec exec = spec.execution();
        Duration checkTimeout = exec.checkTimeout() != null ? exec.checkTimeout() : defaultCheckTimeout;
        CheckRunner runner = new CheckRunner(invoker, redactor);
        List<PhaseResult> phases = new ArrayList<>();
        Termination termination = Termination.COMPLETED;
        String skipReason = null;
        InfrastructureTracker infra = new InfrastructureTracker();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, exec.concurrency()), daemonThreads());
        try {
            for (PhaseSpec phase : spec.phases()) {
                listener.phaseStarted(phase.name(), phase.checks().size());
                long phaseStart = System.nanoTime();
                List<CheckResult> results;
                if (skipReason != null) {
                    String reason = skipReason;
                    results = phase.checks().stream().map(c -> runner.skipped(phase.name(), c, reason)).toList();
                    results.forEach(listener::checkFinished);
                } else {
                    PhaseRun run = runPhase(pool, runner, phase, checkTimeout, deadlineNanos, infra);
                    results = run.results();
                    if (run.termination() != Termination.COMPLETED) {
                        termination = run.termination();
                        skipReason = termination == Termination.ABORTED ? "not run: the run was aborted"
                                : "not run: the deadline of " + exec.deadline().toSeconds() + " s passed";
                    }
                }
                PhaseResult result = new PhaseResult(phase.name(), results, Duration.ofNanos(System.nanoTime() - phaseStart));
                phases.add(result);
                listener.phaseFinished(result);
                if (skipReason == null && exec.stopOnFailure() && !result.passed()) {
                    skipReason = "not run: phase '" + phase.name() + "' failed and stopOnFailure is set";
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (termination == Termination.ABORTED) {
            Thread.currentThread().interrupt(); // keep the abort visible to the caller after reporting
        }
        return new VerificationResult(invoker.describe(), startedAt, clock.instant(), phases, List.of(), termination,
                infra.cause());
    }

    /**
     * A whole result for a run that could not start (target not resolvable, credentials missing): every check
     * SKIPPED with the cause, so the reports still list what would have been verified.
     */
    public static VerificationResult notRun(VerifySpec spec, String target, String cause, Instant at) {
        CheckRunner runner = new CheckRunner(null, Redactor.NONE);
        List<PhaseResult> phases = spec.phases().stream().map(p -> new PhaseResult(p.name(),
                p.checks().stream().map(c -> runner.skipped(p.name(), c, "not run: " + cause)).toList(),
                Duration.ZERO)).toList();
        return new VerificationResult(target, at, at, phases, List.of(), Termination.COMPLETED, cause);
    }

    private PhaseRun runPhase(ExecutorService pool, CheckRunner runner, PhaseSpec phase, Duration checkTimeout,
                              long deadlineNanos, InfrastructureTracker infra) {
        List<Future<CheckRunner.Attempt>> futures = new ArrayList<>();
        for (CheckSpec check : phase.checks()) {
            Duration timeout = check.timeout() != null ? check.timeout() : checkTimeout;
            futures.add(pool.submit(() -> {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return new CheckRunner.Attempt(runner.skipped(phase.name(), check, "not run: the deadline passed"), null);
                }
                Duration bounded = timeout.toNanos() < remaining ? timeout : Duration.ofNanos(remaining);
                CheckRunner.Attempt attempt = runner.run(phase.name(), check, bounded);
                listener.checkFinished(attempt.result());
                return attempt;
            }));
        }
        List<CheckResult> results = new ArrayList<>();
        Termination termination = Termination.COMPLETED;
        for (int i = 0; i < futures.size(); i++) {
            CheckSpec check = phase.checks().get(i);
            Future<CheckRunner.Attempt> f = futures.get(i);
            if (termination != Termination.COMPLETED) {
                f.cancel(true);
                results.add(collectOrSkip(f, runner, phase, check, termination));
                continue;
            }
            try {
                long wait = Math.max(0, deadlineNanos - System.nanoTime());
                CheckRunner.Attempt a = f.get(wait, TimeUnit.NANOSECONDS);
                infra.record(a);
                results.add(a.result());
            } catch (TimeoutException e) {
                termination = Termination.DEADLINE;
                f.cancel(true);
                results.add(runner.skipped(phase.name(), check, "not finished: the deadline passed"));
            } catch (InterruptedException e) {
                termination = Termination.ABORTED;
                f.cancel(true);
                results.add(runner.skipped(phase.name(), check, "not finished: the run was aborted"));
            } catch (ExecutionException | CancellationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                boolean interrupted = cause instanceof InterruptedException;
                results.add(runner.skipped(phase.name(), check, interrupted ? "not finished: the run was aborted"
                        : "not finished: " + cause));
            }
        }
        return new PhaseRun(results, termination);
    }

    /** After a deadline or abort, a check that already finished keeps its real result. */
    private static CheckResult collectOrSkip(Future<CheckRunner.Attempt> f, CheckRunner runner, PhaseSpec phase,
                                             CheckSpec check, Termination why) {
        if (f.isDone() && !f.isCancelled()) {
            try {
                return f.get().result();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // fall through to skipped
            }
        }
        return runner.skipped(phase.name(), check, why == Termination.ABORTED ? "not run: the run was aborted"
                : "not run: the deadline passed");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "lambda-verify-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private record PhaseRun(List<CheckResult> results, Termination termination) {
    }

    /** Decides whether failures mean "could not reach the function" (exit code 3) rather than broken code. */
    private static final class InfrastructureTracker {
        private String systemic;
        private String firstInfra;
        private boolean anyAnswer;

        synchronized void record(CheckRunner.Attempt a) {
            InvocationException.Kind kind = a.failureKind();
            if (kind == null || !kind.infrastructure()) {
                if (kind == null) {
                    anyAnswer = true;
                }
                return;
            }
            if (firstInfra == null) {
                firstInfra = a.result().errorMessage();
            }
            if (systemic == null && SYSTEMIC.contains(kind)) {
                systemic = a.result().errorMessage();
            }
        }

        synchronized String cause() {
            if (systemic != null) {
                return systemic;
            }
            return anyAnswer ? null : firstInfra;
        }
    }
}
