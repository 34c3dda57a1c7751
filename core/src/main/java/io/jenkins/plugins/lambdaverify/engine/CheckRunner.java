package io.jenkins.plugins.lambdaverify.engine;

import io.jenkins.plugins.lambdaverify.check.Evaluation;
import io.jenkins.plugins.lambdaverify.check.ResponseEvaluator;
import io.jenkins.plugins.lambdaverify.invoke.FunctionError;
import io.jenkins.plugins.lambdaverify.invoke.InvocationException;
import io.jenkins.plugins.lambdaverify.invoke.InvocationResponse;
import io.jenkins.plugins.lambdaverify.invoke.Invoker;
import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.spec.CheckSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs one check: invoke, evaluate, and turn whatever happened into a masked {@link CheckResult}. */
final class CheckRunner {
    static final int EXCERPT_CHARS = 1000;

    private final Invoker invoker;
    private final ResponseEvaluator evaluator = new ResponseEvaluator();
    private final Redactor redactor;

    CheckRunner(Invoker invoker, Redactor redactor) {
        this.invoker = invoker;
        this.redactor = redactor;
    }

    /** Never throws, but for an interrupt (the run was aborted). */
    Attempt run(String phase, CheckSpec check, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        try {
            InvocationResponse response = invoker.invoke(check.request(), timeout);
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            Evaluation evaluation = evaluator.evaluate(check.expect(), response, latency);
            Outcome outcome = evaluation.passed() ? Outcome.PASSED : Outcome.FAILED;
            return new Attempt(result(phase, check, outcome, evaluation.failures(), null, response, latency), null);
        } catch (InvocationException e) {
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            String message = e.getMessage();
            if (e.payloadExcerpt() != null) {
                message += ": " + excerpt(e.payloadExcerpt());
            }
            return new Attempt(error(phase, check, message, e.payloadExcerpt(), latency), e.kind());
        } catch (RuntimeException e) {
            // A bug or an unexpected SDK failure must not lose the report: it becomes this check's error.
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            return new Attempt(error(phase, check, "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    null, latency), null);
        }
    }

    CheckResult skipped(String phase, CheckSpec check, String reason) {
        return new CheckResult(phase, check.name(), check.request().method(), maskedPath(check), check.expect().describe(),
                Outcome.SKIPPED, List.of(), reason, null, null, Duration.ZERO, null, null, null, List.of());
    }

    private CheckResult error(String phase, CheckSpec check, String message, String excerpt, Duration latency) {
        return new CheckResult(phase, check.name(), check.request().method(), maskedPath(check),
                check.expect().describe(), Outcome.ERROR, List.of(), redactor.text(message), null,
                excerpt == null ? null : redactor.text(excerpt(excerpt)), latency, null, null, null, List.of());
    }

    private CheckResult result(String phase, CheckSpec check, Outcome outcome, List<String> failures, String error,
                               InvocationResponse response, Duration latency) {
        return new CheckResult(phase, check.name(), check.request().method(), maskedPath(check),
                check.expect().describe(), outcome, failures.stream().map(redactor::text).toList(), error,
                response.statusCode(), redactor.text(responseExcerpt(response)), latency, response.initDurationMs(),
                response.requestId(), response.executedVersion(), logLines(response.logTail()));
    }

    private String maskedPath(CheckSpec check) {
        return redactor.path(check.request().pathWithQuery());
    }

    private List<String> logLines(String tail) {
        if (tail == null || tail.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : tail.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(redactor.text(line));
            }
        }
        return lines;
    }

    private static String responseExcerpt(InvocationResponse response) {
        FunctionError fe = response.functionError();
        if (fe != null) {
            StringBuilder sb = new StringBuilder(fe.summary());
            fe.stackTrace().forEach(line -> sb.append('\n').append(line));
            return excerpt(sb.toString());
        }
        if (response.body() == null) {
            return null;
        }
        return response.bodyBase64() ? "(binary body, base64) " + excerpt(response.body()) : excerpt(response.body());
    }

    static String excerpt(String text) {
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + " ... ("
                + (text.length() - EXCERPT_CHARS) + " more characters)";
    }

    /** A check's result, and the kind of invocation failure when there was one. */
    record Attempt(CheckResult result, InvocationException.Kind failureKind) {
    }
}
