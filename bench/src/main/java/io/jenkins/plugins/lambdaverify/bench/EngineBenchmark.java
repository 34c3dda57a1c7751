package io.jenkins.plugins.lambdaverify.bench;

import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** JMH: lambda-verify's own time and allocation per check (see {@link EngineFixture}); one op = one check. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmark {
    @Param({"1", "8"})
    public int concurrency;

    private EngineFixture fixture;

    @Setup
    public void setUp() {
        fixture = new EngineFixture(concurrency);
    }

    @Benchmark
    @OperationsPerInvocation(EngineFixture.CHECKS)
    public VerificationResult checks() {
        return fixture.run();
    }
}
