package io.jenkins.plugins.lambdaverify.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link EngineBenchmark} under JMH with {@code -prof gc}, and {@link EngineCpu} for CPU time per check. */
final class EngineBench {
    record Row(int concurrency, double microsPerCheck, double error, double bytesPerCheck) {
    }

    record Results(List<Row> rows, double cpuMicrosPerCheck) {
    }

    private final BenchOptions options;
    private final Path work;

    EngineBench(BenchOptions options, Path work) {
        this.options = options;
        this.work = work;
    }

    Results run() throws RunnerException {
        ChainedOptionsBuilder jmh = new OptionsBuilder()
                .include(EngineBenchmark.class.getName())
                .addProfiler(GCProfiler.class)
                .forks(1)
                .jvmArgs("-Xmx512m")
                .shouldFailOnError(true);
        if (options.smoke()) {
            jmh.param("concurrency", "8").warmupIterations(1).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(500));
        } else {
            jmh.warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5)
                    .measurementTime(TimeValue.seconds(2));
        }
        Collection<RunResult> results = new Runner(jmh.build()).run();
        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            int concurrency = Integer.parseInt(r.getParams().getParam("concurrency"));
            Result<?> primary = r.getPrimaryResult();
            Map<String, Result> secondary = r.getSecondaryResults();
            Result<?> alloc = secondary.get("·gc.alloc.rate.norm");
            if (alloc == null) {
                alloc = secondary.get("gc.alloc.rate.norm");
            }
            rows.add(new Row(concurrency, primary.getScore(), primary.getScoreError(),
                    alloc == null ? Double.NaN : alloc.getScore()));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        command.addAll(Processes.forkJvmArgs());
        command.addAll(List.of("-cp", options.benchJar().toString(), EngineCpu.class.getName(),
                options.smoke() ? "1" : "6"));
        Processes.Timed t = Processes.run(command, work.resolve("engine"), Map.of("PATH", "/usr/bin:/bin"), 300);
        if (t.exitCode() != 0) {
            throw new IllegalStateException(t.failure("the engine CPU measurement"));
        }
        double cpu = Double.parseDouble(LogScanBench.result(t.stdout()).get("cpuMicrosPerCheck"));
        return new Results(rows, cpu);
    }
}
