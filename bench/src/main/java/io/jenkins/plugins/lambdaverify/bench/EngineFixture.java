package io.jenkins.plugins.lambdaverify.bench;

import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import io.jenkins.plugins.lambdaverify.engine.Redactor;
import io.jenkins.plugins.lambdaverify.engine.VerificationEngine;
import io.jenkins.plugins.lambdaverify.invoke.FunctionTransport;
import io.jenkins.plugins.lambdaverify.invoke.LambdaEventInvoker;
import io.jenkins.plugins.lambdaverify.invoke.RawInvocation;
import io.jenkins.plugins.lambdaverify.invoke.event.EventContext;
import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import io.jenkins.plugins.lambdaverify.run.MaskingRedactor;
import io.jenkins.plugins.lambdaverify.spec.EventFormat;
import io.jenkins.plugins.lambdaverify.spec.SpecLoader;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * The in-process path of a check with nothing remote in it: the real API Gateway event factory, proxy-response
 * parser, log-tail parser, evaluator, masking and {@code CheckResult}, run by the real engine; only the transport
 * answers at once. What is left is lambda-verify's own cost per check.
 */
final class EngineFixture {
    static final int CHECKS = 100;
    private static final byte[] ANSWER = """
            {"statusCode": 200, "headers": {"Content-Type": "application/json", "X-Request-Id": "abc"},
             "multiValueHeaders": {}, "body": "{\\"path\\": \\"/items/1\\", \\"slept_ms\\": 0}", "isBase64Encoded": false}"""
            .getBytes(StandardCharsets.UTF_8);
    private static final String TAIL = """
            START RequestId: 6f1c2a44-0000-4000-8000-000000000001 Version: $LATEST
            [INFO]\t2026-11-28T10:00:00.000Z\t6f1c2a44-0000-4000-8000-000000000001\tGET /items/1 200
            END RequestId: 6f1c2a44-0000-4000-8000-000000000001
            REPORT RequestId: 6f1c2a44-0000-4000-8000-000000000001\tDuration: 1.20 ms\tBilled Duration: 2 ms\t\
            Memory Size: 128 MB\tMax Memory Used: 40 MB
            """;

    private final VerifySpec spec;
    private final VerificationEngine engine;

    EngineFixture(int concurrency) {
        StringBuilder yaml = new StringBuilder("version: 1\ntarget: {mode: lambda, function: SleepFunction}\n")
                .append("execution: {concurrency: ").append(concurrency).append("}\n")
                .append("phases:\n  - name: items\n    checks:\n");
        for (int i = 1; i <= CHECKS; i++) {
            // The incident's kinds of expectations: a status set, a header, a JSON body value.
            yaml.append("      - name: item ").append(i).append('\n')
                    .append("        request: {method: GET, path: /items/").append(i)
                    .append(", headers: {Authorization: Bearer secret-token-").append(i).append("}}\n")
                    .append("        expect: {status: [200, 204], headers: {Content-Type: application/json},")
                    .append(" json: {/slept_ms: 0}}\n");
        }
        spec = SpecLoader.parse(yaml.toString(), "engine-benchmark.yaml");
        FunctionTransport instant = new FunctionTransport() {
            @Override
            public RawInvocation invoke(byte[] payload, Duration timeout) {
                return new RawInvocation(ANSWER, null, TAIL, "$LATEST", "6f1c2a44-0000-4000-8000-000000000001");
            }

            @Override
            public String describe() {
                return "instant";
            }
        };
        LambdaEventInvoker invoker = LambdaEventInvoker.of(EventFormat.APIGATEWAY_V1, EventContext.defaults(), instant);
        Redactor redactor = new MaskingRedactor(SecretMasker.defaults()); // the masking a real run does
        engine = new VerificationEngine(invoker, new ProgressListener() { }, redactor, Clock.systemUTC());
    }

    /** One run of all {@link #CHECKS} checks; fails loudly if the path stopped passing (then it measures nothing). */
    VerificationResult run() {
        VerificationResult result = engine.run(spec, Duration.ofSeconds(30));
        if (!result.passed()) {
            throw new IllegalStateException("the engine benchmark's checks failed: " + result.phases().getFirst()
                    .checks().stream().filter(c -> c.outcome() != io.jenkins.plugins.lambdaverify.result.Outcome.PASSED).findFirst().map(Object::toString).orElse("?"));
        }
        return result;
    }
}
