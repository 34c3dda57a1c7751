package io.jenkins.plugins.lambdaverify.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jenkins.plugins.lambdaverify.aws.AwsClientOptions;
import io.jenkins.plugins.lambdaverify.aws.AwsSettings;
import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import io.jenkins.plugins.lambdaverify.reliability.FakeAws.Call;
import io.jenkins.plugins.lambdaverify.report.JsonReportReader;
import io.jenkins.plugins.lambdaverify.report.ReportTargets;
import io.jenkins.plugins.lambdaverify.report.ReportWriteResult;
import io.jenkins.plugins.lambdaverify.report.ReportWriter;
import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.Termination;
import io.jenkins.plugins.lambdaverify.rollback.LocalProcessRunner;
import io.jenkins.plugins.lambdaverify.run.RunContext;
import io.jenkins.plugins.lambdaverify.run.Verification;
import io.jenkins.plugins.lambdaverify.spec.SpecLoader;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every AWS call a lambda-mode run makes, times every fault we can inject, through the whole {@link Verification}
 * with real SDK clients against WireMock. Each cell asserts: the outcome is classified as a user would want, the run
 * ends within its deadline plus 1 s (plus the rollback's own timeout when a rollback was attempted), the JUnit and
 * JSON reports are complete and parseable, and no RequestResponse invoke reached the function twice.
 *
 * <p>The test name of each cell is {@code <Call> x <Fault> -> <expected>}: docs/reliability.md is generated from
 * the surefire XML of this class (bin/reliability-report).
 */
class FaultMatrixTest {
    static final Duration DEADLINE = Duration.ofSeconds(5);
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);
    static final Duration ROLLBACK_TIMEOUT = Duration.ofSeconds(4);
    static final Duration SLOW = Duration.ofSeconds(15);
    /**
     * How far past its deadline a run may end: time to write nothing but the verdict, with room for a loaded 2-core
     * CI machine. Still far below {@link #SLOW}, so a run that waited for a slow answer fails the bound.
     */
    static final Duration DEADLINE_SLACK = Duration.ofSeconds(3);
    static final int OVERSIZED_BYTES = 7 * 1024 * 1024;

    static WireMockServer server;
    static FakeAws aws;
    static final java.util.concurrent.atomic.AtomicInteger CELLS = new java.util.concurrent.atomic.AtomicInteger();
    static final java.util.concurrent.atomic.AtomicInteger SAFETY_CELLS = new java.util.concurrent.atomic.AtomicInteger();

    @TempDir
    Path dir;

    enum Fault {
        NONE, THROTTLING, HTTP_500, HTTP_503, CONNECTION_RESET, READ_TIMEOUT, MALFORMED_JSON, TRUNCATED_BODY,
        OVERSIZED_PAYLOAD, SLOW_STREAM, ABORT;

        /** Installs this fault over the healthy answers of {@code call}. */
        void install(Call call) {
            switch (this) {
                case NONE -> {
                }
                case THROTTLING -> {
                    // throttled twice, then answered: the retries must ride it out
                    server.stubFor(call.mapping().atPriority(1).inScenario("throttle")
                            .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("once").willReturn(call.throttled()));
                    server.stubFor(call.mapping().atPriority(1).inScenario("throttle")
                            .whenScenarioStateIs("once").willSetStateTo("over").willReturn(call.throttled()));
                }
                case HTTP_500 -> stub(call, call.error(500, serverError(call)));
                case HTTP_503 -> stub(call, call.error(503, call == Call.LIST_STACK_RESOURCES ? "ServiceUnavailable"
                        : "ServiceUnavailableException"));
                case CONNECTION_RESET -> stub(call, com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER));
                case READ_TIMEOUT -> stub(call, call.ok("").withFixedDelay((int) SLOW.toMillis()));
                case MALFORMED_JSON -> stub(call, call.malformed());
                case TRUNCATED_BODY -> stub(call, com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK));
                case OVERSIZED_PAYLOAD -> stub(call, call.ok("x".repeat(OVERSIZED_BYTES)));
                case SLOW_STREAM -> stub(call, call.ok("").withChunkedDribbleDelay(30, (int) SLOW.toMillis()));
                case ABORT -> stub(call, call.ok("").withFixedDelay(10_000));
            }
        }

        private static String serverError(Call call) {
            return switch (call) {
                case LIST_STACK_RESOURCES -> "InternalFailure";
                case FILTER_LOG_EVENTS -> "ServiceUnavailableException";
                default -> "ServiceException";
            };
        }

        private static void stub(Call call, ResponseDefinitionBuilder response) {
            server.stubFor(call.mapping().atPriority(1).willReturn(response));
        }
    }

    /** What a cell must end as. */
    record Expected(String label, List<Outcome> checks, boolean infrastructureError, Termination termination,
                    RollbackOutcome.Status rollback, int updateAliasCalls) {
        static Expected baseline() {
            return new Expected("checks judged, rolled back", List.of(Outcome.PASSED, Outcome.FAILED), false,
                    Termination.COMPLETED, RollbackOutcome.Status.DONE, 1);
        }

        static Expected notRun() {
            return new Expected("not run: infrastructure error, no rollback", List.of(Outcome.SKIPPED, Outcome.SKIPPED),
                    true, Termination.COMPLETED, null, 0);
        }
    }

    static Expected expected(Call call, Fault fault) {
        boolean resolution = switch (call) {
            case LIST_STACK_RESOURCES, LIST_FUNCTIONS, GET_ALIAS, GET_FUNCTION_CONFIGURATION -> true;
            default -> false;
        };
        if (fault == Fault.THROTTLING || fault == Fault.OVERSIZED_PAYLOAD && call != Call.INVOKE) {
            return Expected.baseline();
        }
        if (resolution) {
            return fault == Fault.ABORT
                    ? new Expected("aborted before the checks, no rollback", List.of(Outcome.SKIPPED, Outcome.SKIPPED),
                    false, Termination.ABORTED, null, 0)
                    : fault == Fault.READ_TIMEOUT || fault == Fault.SLOW_STREAM
                    ? new Expected("not run: deadline passed while resolving, no rollback",
                    List.of(Outcome.SKIPPED, Outcome.SKIPPED), true, Termination.COMPLETED, null, 0)
                    : Expected.notRun();
        }
        return switch (call) {
            case INVOKE -> switch (fault) {
                case HTTP_500, HTTP_503, CONNECTION_RESET, TRUNCATED_BODY -> new Expected(
                        "checks error: infrastructure, rollback refused", List.of(Outcome.ERROR, Outcome.ERROR), true,
                        Termination.COMPLETED, RollbackOutcome.Status.REFUSED, 0);
                case MALFORMED_JSON, READ_TIMEOUT, SLOW_STREAM -> new Expected(
                        "checks error: the function's fault, rolled back", List.of(Outcome.ERROR, Outcome.ERROR), false,
                        Termination.COMPLETED, RollbackOutcome.Status.DONE, 1);
                case OVERSIZED_PAYLOAD -> new Expected("checks error: over Lambda's 6 MB, excerpt kept, rolled back",
                        List.of(Outcome.ERROR, Outcome.ERROR), false, Termination.COMPLETED,
                        RollbackOutcome.Status.DONE, 1);
                case ABORT -> new Expected("aborted, no rollback", List.of(Outcome.SKIPPED, Outcome.SKIPPED), false,
                        Termination.ABORTED, RollbackOutcome.Status.REFUSED, 0);
                default -> throw new IllegalStateException();
            };
            case FILTER_LOG_EVENTS -> fault == Fault.ABORT
                    ? new Expected("checks judged, aborted during the log scan: no rollback",
                    List.of(Outcome.PASSED, Outcome.FAILED), false, Termination.COMPLETED,
                    RollbackOutcome.Status.REFUSED, 0)
                    : new Expected("checks judged, log scan failed and reported, rolled back",
                    List.of(Outcome.PASSED, Outcome.FAILED), false, Termination.COMPLETED, RollbackOutcome.Status.DONE, 1);
            case UPDATE_ALIAS -> new Expected("checks judged, rollback failed, UpdateAlias sent once",
                    List.of(Outcome.PASSED, Outcome.FAILED), false, Termination.COMPLETED,
                    RollbackOutcome.Status.FAILED, 1);
            default -> throw new IllegalStateException();
        };
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Call call : Call.values()) {
            for (Fault fault : Fault.values()) {
                if (fault == Fault.NONE) {
                    continue;
                }
                cells.add(Arguments.of(call, fault, expected(call, fault)));
            }
        }
        return cells.stream();
    }

    @BeforeAll
    static void start() {
        startServer();
        Measurements.reset();
    }

    private static void startServer() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(40).jettyStopTimeout(1000L));
        server.start();
        aws = new FakeAws(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Set by a cell whose fault holds answers back: they would land in the next cell's request journal. */
    static volatile boolean answersHeldBack;

    @BeforeEach
    void reset() {
        if (answersHeldBack) {
            // An aborted call's answer is still on its way (held back 10 s). Stopping the server drops it, so the
            // next cell counts only its own requests (e.g. "no invoke reached the function twice").
            server.stop();
            startServer();
            answersHeldBack = false;
        }
        server.resetAll();
        aws.healthy();
    }

    @ParameterizedTest(name = "{0} x {1} -> {2}")
    @MethodSource("cells")
    @Timeout(90)
    void cell(Call call, Fault fault, Expected expected) throws Exception {
        int index = CELLS.incrementAndGet(); // the invocation's [index] in the surefire report
        fault.install(call);
        VerifySpec spec = spec(call == Call.LIST_FUNCTIONS);
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<RunReport> report = new AtomicReference<>();
        AtomicReference<ReportWriteResult> written = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ReportTargets targets = new ReportTargets(dir.resolve("junit.xml"), dir.resolve("report.json"),
                dir.resolve("summary.md"));
        long[] ended = new long[1];
        // The run happens on its own thread, as in the CLI and Jenkins, so that the abort can interrupt it.
        Thread run = new Thread(() -> {
            try {
                report.set(new Verification(context(progress), fastRetries()).run(spec));
                ended[0] = System.nanoTime();
                // reports are written on the same (possibly interrupted) thread, as the front ends do
                written.set(new ReportWriter(SecretMasker.defaults()).write(report.get(), targets));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "fault-cell");
        long started = System.nanoTime();
        run.start();
        if (fault == Fault.ABORT) {
            answersHeldBack = true;
            abortWhenReceived(call, run);
        }
        run.join(Duration.ofSeconds(80));
        assertThat(run.isAlive()).as("the run returned").isFalse();
        assertThat(failure.get()).as("the run threw").isNull();

        RunReport r = report.get();
        Duration elapsed = Duration.ofNanos(ended[0] - started);
        boolean rollbackSent = aws.count(Call.UPDATE_ALIAS, e -> true) > 0;
        Duration bound = DEADLINE.plus(DEADLINE_SLACK).plus(rollbackSent ? ROLLBACK_TIMEOUT : Duration.ZERO);
        Measurements.record("cell", index, call.api, fault.name(), expected.label(), elapsed, bound);
        assertThat(elapsed).as("run time of %s x %s (progress: %s)", call, fault, progress).isLessThanOrEqualTo(bound);

        // classification
        List<Outcome> outcomes = r.verification().phases().stream().flatMap(p -> p.checks().stream())
                .map(CheckResult::outcome).toList();
        String context = call + " x " + fault + ": " + describe(r) + " progress " + progress;
        assertThat(outcomes).as(context).isEqualTo(expected.checks());
        assertThat(r.verification().infrastructureError() != null).as(context).isEqualTo(expected.infrastructureError());
        assertThat(r.verification().termination()).as(context).isEqualTo(expected.termination());
        assertThat(r.rollback() == null ? null : r.rollback().status()).as(context).isEqualTo(expected.rollback());
        if (r.rollback() != null) {
            assertThat(r.rollback().reason()).as(context).isNotBlank();
        }
        // a log scan that could not read the logs is recorded as failed with a reason, never as clean
        boolean scanFails = call == Call.FILTER_LOG_EVENTS && fault != Fault.THROTTLING
                && fault != Fault.OVERSIZED_PAYLOAD;
        assertThat(r.verification().logScan().failed()).as(context).isEqualTo(scanFails);
        if (scanFails) {
            assertThat(r.verification().logScan().reason()).as(context).isNotBlank().doesNotContain("\n");
            assertThat(r.verification().findings()).as(context).isEmpty();
        }
        for (CheckResult c : r.verification().phases().getFirst().checks()) {
            if (c.outcome() == Outcome.ERROR || c.outcome() == Outcome.SKIPPED) {
                assertThat(c.errorMessage()).as(context).isNotBlank().doesNotContain("\n");
            }
        }
        if (expected.infrastructureError() && expected.rollback() == null) {
            boolean slow = fault == Fault.READ_TIMEOUT || fault == Fault.SLOW_STREAM;
            assertThat(r.verification().infrastructureError()).as(context).contains(slow ? "deadline" : call.api);
        }

        // no RequestResponse invoke reached the function twice; UpdateAlias at most once, always with the RevisionId
        for (String path : List.of("/health", "/broken")) {
            long answered = aws.requests(Call.INVOKE).stream()
                    .filter(e -> e.getRequest().getBodyAsString().contains("\"" + path + "\""))
                    .filter(e -> !FakeAws.throttled(e)).count();
            assertThat(answered).as("invokes of %s that were not throttled, %s", path, context).isLessThanOrEqualTo(1);
        }
        long updates = aws.count(Call.UPDATE_ALIAS, e -> !FakeAws.throttled(e));
        assertThat(updates).as("UpdateAlias calls, " + context).isEqualTo(expected.updateAliasCalls());
        aws.requests(Call.UPDATE_ALIAS).forEach(e -> assertThat(e.getRequest().getBodyAsString())
                .contains("\"RevisionId\":\"rev-7\""));

        // the reports are complete and parseable
        assertThat(written.get().errors()).as(context).isEmpty();
        RunReport back = new JsonReportReader().read(targets.json());
        assertThat(back.verification().phases().getFirst().checks()).extracting(CheckResult::outcome)
                .isEqualTo(expected.checks());
        assertThat(back.rollback() == null ? null : back.rollback().status()).isEqualTo(expected.rollback());
        assertThat(back.verification().logScan()).isEqualTo(r.verification().logScan());
        assertThat(Files.size(targets.json())).as("report size stays bounded").isLessThan(256 * 1024);
        TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
        List<ReportTestSuite> suites = parser.parse(targets.junit().toString());
        assertThat(parser.isValid()).isTrue();
        int tests = suites.stream().mapToInt(ReportTestSuite::getNumberOfTests).sum();
        assertThat(tests).as("JUnit test cases").isGreaterThanOrEqualTo(2);
        assertThat(Files.readString(targets.markdown())).isNotBlank();
    }

    /** The rollback safety cases, each run against every fault of the two calls the alias rollback makes. */
    enum Safety {
        /** UpdateAlias fails its RevisionId check (412): someone deployed meanwhile. */
        CONFLICT,
        /** No previous version configured and no weighted routing to fall back on. */
        UNKNOWN_PREVIOUS,
        /** The same failing verification run a second time after a rollback. */
        REPEATED_RUN,
        /** GetAlias answers without a RevisionId: no lock, so no update. */
        NO_REVISION_ID
    }

    static Stream<Arguments> safetyCells() {
        List<Arguments> cells = new ArrayList<>();
        for (Safety safety : Safety.values()) {
            for (Call call : List.of(Call.GET_ALIAS, Call.UPDATE_ALIAS)) {
                for (Fault fault : Fault.values()) {
                    if (fault == Fault.OVERSIZED_PAYLOAD) {
                        continue; // a large healthy answer would replace the case's own answer (412, the alias state)
                    }
                    cells.add(Arguments.of(safety, call, fault));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0}: {1} x {2}")
    @MethodSource("safetyCells")
    @Timeout(90)
    void rollbackSafety(Safety safety, Call call, Fault fault) throws Exception {
        int index = SAFETY_CELLS.incrementAndGet();
        String expectedRevision = "rev-7";
        switch (safety) {
            case CONFLICT -> aws.aliasConflict();
            case NO_REVISION_ID -> aws.aliasNowAt("7", null);
            case REPEATED_RUN -> {
                RunReport first = new Verification(context(new ArrayList<>()), fastRetries()).run(spec(false));
                assertThat(first.rollback().status()).isEqualTo(RollbackOutcome.Status.DONE);
                // the first run moved the alias back to 6: AWS gave it a new RevisionId
                server.resetRequests();
                aws.aliasNowAt("6", "rev-8");
                expectedRevision = "rev-8";
            }
            default -> {
            }
        }
        fault.install(call);
        VerifySpec spec = safety == Safety.UNKNOWN_PREVIOUS ? withoutPreviousVersion(spec(false)) : spec(false);
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<RunReport> report = new AtomicReference<>();
        Thread run = new Thread(() -> report.set(new Verification(context(progress), fastRetries()).run(spec)),
                "safety-cell");
        long started = System.nanoTime();
        run.start();
        if (fault == Fault.ABORT) {
            answersHeldBack = true;
            abortWhenReceived(call, run);
        }
        run.join(Duration.ofSeconds(80));
        assertThat(run.isAlive()).isFalse();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Measurements.record("rollbackSafety", index, safety.name(), call.api + " x " + fault.name(),
                "FAILED or REFUSED with a reason; <= 1 UpdateAlias, always with the RevisionId", elapsed,
                DEADLINE.plus(ROLLBACK_TIMEOUT).plus(DEADLINE_SLACK));
        assertThat(elapsed).isLessThanOrEqualTo(DEADLINE.plus(ROLLBACK_TIMEOUT).plus(DEADLINE_SLACK));

        RunReport r = report.get();
        String context = safety + ": " + call + " x " + fault + ": " + describe(r) + " progress " + progress;
        // never an UpdateAlias without the recorded RevisionId, never two that AWS may have applied
        String revision = expectedRevision;
        aws.requests(Call.UPDATE_ALIAS).forEach(e -> assertThat(e.getRequest().getBodyAsString()).as(context)
                .contains("\"RevisionId\":\"" + revision + "\""));
        assertThat(aws.count(Call.UPDATE_ALIAS, e -> !FakeAws.throttled(e))).as(context).isLessThanOrEqualTo(1);
        if (safety != Safety.CONFLICT) {
            assertThat(aws.count(Call.UPDATE_ALIAS, e -> true)).as("no update is due: " + context).isZero();
        }
        if (r.rollback() == null) {
            // only when the run could not judge the deployment at all
            assertThat(r.verification().infrastructureError() != null
                    || r.verification().termination() == Termination.ABORTED).as(context).isTrue();
        } else {
            assertThat(r.rollback().status()).as(context).isIn(RollbackOutcome.Status.FAILED,
                    RollbackOutcome.Status.REFUSED);
            assertThat(r.rollback().reason()).as(context).isNotBlank();
        }
        if (fault == Fault.NONE || fault == Fault.THROTTLING) {
            assertThat(r.rollback()).as(context).isNotNull();
            assertThat(r.rollback().status()).as(context).isEqualTo(RollbackOutcome.Status.REFUSED);
            assertThat(r.rollback().reason()).as(context).contains(switch (safety) {
                case CONFLICT -> "changed since verification started";
                case UNKNOWN_PREVIOUS -> "previous version";
                case REPEATED_RUN -> "nothing to roll back";
                case NO_REVISION_ID -> "no RevisionId";
            });
        }
    }

    private static VerifySpec withoutPreviousVersion(VerifySpec spec) {
        var r = spec.rollback();
        return spec.withRollback(new io.jenkins.plugins.lambdaverify.spec.RollbackSpec(r.strategy(), null,
                r.previousReport(), r.dryRun(), r.reverify(), r.timeout(), r.sam(), r.command()));
    }

    private static String describe(RunReport r) {
        return "outcomes " + r.verification().phases().getFirst().checks().stream()
                .map(c -> c.outcome() + (c.errorMessage() != null ? " (" + c.errorMessage() + ")" : "")).toList()
                + ", infra " + r.verification().infrastructureError() + ", termination " + r.verification().termination()
                + ", rollback " + (r.rollback() == null ? null : r.rollback().status() + " " + r.rollback().reason());
    }

    /** Interrupts the run once WireMock has received {@code call} (its answer is held back 10 s). */
    private static void abortWhenReceived(Call call, Thread run) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until && run.isAlive()) {
            if (!aws.requests(call).isEmpty()) {
                run.interrupt();
                return;
            }
            Thread.sleep(20);
        }
    }

    static VerifySpec spec(boolean byPrefix) {
        String target = byPrefix ? "  namePrefix: orders-api-Api\n" : "  stack: orders-api\n  logicalId: ApiFunction\n";
        return SpecLoader.parse("""
                version: 1
                target:
                  mode: lambda
                %s  qualifier: live
                execution:
                  concurrency: 2
                  timeout: %ds
                  deadline: %ds
                checks:
                  - GET /health: 200
                  - GET /broken: 200
                logScan:
                  settle: 1s
                  quietPeriod: 500ms
                rollback:
                  strategy: alias
                  previousVersion: "6"
                  reverify: false
                  timeout: %ds
                """.formatted(target, CHECK_TIMEOUT.toSeconds(), DEADLINE.toSeconds(), ROLLBACK_TIMEOUT.toSeconds()),
                "fault-matrix.yaml");
    }

    static RunContext context(List<String> progress) {
        AwsSettings settings = new AwsSettings("eu-west-1", null, "http://127.0.0.1:" + server.port(), null, null, null,
                null, Map.of("AWS_ACCESS_KEY_ID", "AKIDFAULTMATRIX", "AWS_SECRET_ACCESS_KEY", "fault-matrix-secret"),
                false, null);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void info(String message) {
                progress.add(message);
            }
        };
        return new RunContext(settings, listener, new LocalProcessRunner(), null, Clock.systemUTC(), List.of());
    }

    /** The production timeouts (3 min per call, 60 s per attempt) with millisecond backoff, so cells stay short. */
    static AwsClientOptions fastRetries() {
        return AwsClientOptions.defaults().withRetryStrategy(
                AwsClientOptions.retries(8, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50)));
    }
}
