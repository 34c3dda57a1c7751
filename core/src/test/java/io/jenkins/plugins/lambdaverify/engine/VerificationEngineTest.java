package io.jenkins.plugins.lambdaverify.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.invoke.FunctionError;
import io.jenkins.plugins.lambdaverify.invoke.InvocationException;
import io.jenkins.plugins.lambdaverify.invoke.InvocationResponse;
import io.jenkins.plugins.lambdaverify.invoke.Invoker;
import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.Termination;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import io.jenkins.plugins.lambdaverify.spec.RequestSpec;
import io.jenkins.plugins.lambdaverify.spec.SpecLoader;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class VerificationEngineTest {

    /** A function that answers by path, like the incident's app. */
    static final class ScriptedFunction implements Invoker {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile long sleepMillis;

        @Override
        public InvocationResponse invoke(RequestSpec request, Duration timeout)
                throws InvocationException, InterruptedException {
            calls.add(request.path());
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                if (sleepMillis > 0) {
                    Thread.sleep(sleepMillis);
                }
                return switch (request.path()) {
                    case "/health" -> ok(200, "{\"status\":\"ok\"}");
                    case "/broken" -> new InvocationResponse(500, Map.of(), "{\"detail\":\"Internal Server Error\"}",
                            false, null, "[ERROR] ModuleNotFoundError: No module named 'src.api'\n", "req-1", "7", null);
                    case "/crash" -> new InvocationResponse(null, Map.of(), null, false,
                            new FunctionError("Unhandled", "Runtime.ImportModuleError",
                                    "Unable to import module 'app': No module named 'src'", List.of()),
                            null, "req-2", "7", 812.5);
                    case "/garbage" -> throw new InvocationException(InvocationException.Kind.BAD_PAYLOAD,
                            "the function's answer is not JSON", "<html>oops</html>", null);
                    case "/missing" -> throw new InvocationException(InvocationException.Kind.NOT_FOUND,
                            "function orders-api:live not found");
                    case "/bug" -> throw new IllegalStateException("boom");
                    default -> ok(404, "{\"detail\":\"Not Found\"}");
                };
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private static InvocationResponse ok(int status, String body) {
            return new InvocationResponse(status, Map.of("Content-Type", List.of("application/json")), body, false,
                    null, null, "req", "7", null);
        }

        @Override
        public String describe() {
            return "scripted";
        }
    }

    private final ScriptedFunction function = new ScriptedFunction();

    private VerificationResult run(String yaml) {
        VerifySpec spec = SpecLoader.parse(yaml, "t.yaml");
        return new VerificationEngine(function, ProgressListener.NONE, Redactor.NONE, Clock.systemUTC())
                .run(spec, Duration.ofSeconds(5));
    }

    @Test
    void outcomesForEachKindOfAnswer() {
        VerificationResult r = run("""
                checks:
                  - GET /health: 200
                  - GET /broken: [401, 307]
                  - GET /crash
                  - GET /garbage
                  - GET /bug
                  - GET /nope: 404
                """);
        List<CheckResult> c = r.phases().get(0).checks();
        assertThat(c).extracting(CheckResult::outcome).containsExactly(Outcome.PASSED, Outcome.FAILED,
                Outcome.FAILED, Outcome.ERROR, Outcome.ERROR, Outcome.PASSED);
        assertThat(c.get(1).failures()).containsExactly("expected status 401|307 but was 500");
        assertThat(c.get(1).logLines()).containsExactly("[ERROR] ModuleNotFoundError: No module named 'src.api'");
        assertThat(c.get(2).failures().get(0)).startsWith("function error Runtime.ImportModuleError: Unable to import");
        assertThat(c.get(2).coldStart()).isTrue();
        assertThat(c.get(3).errorMessage()).isEqualTo("the function's answer is not JSON: <html>oops</html>");
        assertThat(c.get(4).errorMessage()).isEqualTo("unexpected IllegalStateException: boom");
        assertThat(r.passed()).isFalse();
        assertThat(r.infrastructureError()).isNull();
        assertThat(r.termination()).isEqualTo(Termination.COMPLETED);
    }

    @Test
    void concurrencyIsBounded() {
        function.sleepMillis = 50;
        StringBuilder yaml = new StringBuilder("execution: {concurrency: 3}\nchecks:\n");
        for (int i = 0; i < 12; i++) {
            yaml.append("  - GET /health: 200\n");
        }
        VerificationResult r = run(yaml.toString());
        assertThat(r.count(Outcome.PASSED)).isEqualTo(12);
        assertThat(function.maxInFlight.get()).isBetween(2, 3);
    }

    @Test
    void stopOnFailureSkipsLaterPhases() {
        VerificationResult r = run("""
                execution: {stopOnFailure: true}
                phases:
                  - {name: first, checks: ["GET /broken: 200"]}
                  - {name: second, checks: ["GET /health: 200"]}
                """);
        CheckResult skipped = r.phases().get(1).checks().get(0);
        assertThat(skipped.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(skipped.errorMessage()).contains("phase 'first' failed");
        assertThat(function.calls).containsExactly("/broken");
    }

    @Test
    void deadlineEndsTheRunWithEveryCheckReported() {
        function.sleepMillis = 5_000;
        VerificationResult r = run("""
                execution: {deadline: 300ms, concurrency: 2}
                phases:
                  - {name: slow, checks: ["GET /health", "GET /health", "GET /health"]}
                  - {name: later, checks: ["GET /health"]}
                """);
        assertThat(r.termination()).isEqualTo(Termination.DEADLINE);
        assertThat(r.total()).isEqualTo(4);
        assertThat(r.phases().get(1).checks().get(0).errorMessage()).contains("deadline");
        assertThat(r.passed()).isFalse();
    }

    @Test
    void abortStillReturnsAWholeResult() throws Exception {
        function.sleepMillis = 10_000;
        AtomicReference<VerificationResult> result = new AtomicReference<>();
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void phaseStarted(String phase, int checks) {
                started.countDown();
            }
        };
        Thread t = new Thread(() -> {
            VerifySpec spec = SpecLoader.parse("checks: [GET /health, GET /health]", "t.yaml");
            result.set(new VerificationEngine(function, listener, Redactor.NONE, Clock.systemUTC())
                    .run(spec, Duration.ofSeconds(30)));
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        t.start();
        started.await();
        Thread.sleep(100);
        t.interrupt();
        t.join(5_000);
        assertThat(result.get().termination()).isEqualTo(Termination.ABORTED);
        assertThat(result.get().total()).isEqualTo(2);
        assertThat(result.get().phases().get(0).checks()).allMatch(c -> c.outcome() == Outcome.SKIPPED);
        assertThat(interruptKept.get()).isTrue();
    }

    @Test
    void functionNotFoundIsAnInfrastructureError() {
        VerificationResult r = run("checks: [GET /missing, GET /health]");
        assertThat(r.infrastructureError()).isEqualTo("function orders-api:live not found");
    }

    @Test
    void secretsInPathsAndBodiesAreRedacted() {
        Redactor redactor = new Redactor() {
            @Override
            public String text(String text) {
                return text == null ? null : text.replace("ok", "**");
            }

            @Override
            public String path(String p) {
                return p.replaceAll("token=[^&]*", "token=****");
            }
        };
        VerifySpec spec = SpecLoader.parse("checks: ['GET /health?token=abc: 200']", "t.yaml");
        VerificationResult r = new VerificationEngine(function, ProgressListener.NONE, redactor, Clock.systemUTC())
                .run(spec, Duration.ofSeconds(5));
        CheckResult c = r.phases().get(0).checks().get(0);
        assertThat(c.path()).isEqualTo("/health?token=****");
        assertThat(c.responseExcerpt()).isEqualTo("{\"status\":\"**\"}");
    }
}
