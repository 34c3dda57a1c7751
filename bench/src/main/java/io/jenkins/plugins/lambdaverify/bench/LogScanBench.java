package io.jenkins.plugins.lambdaverify.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Log scan throughput and heap: a generated log group served here, scanned by a forked JVM with a small heap. */
final class LogScanBench {
    record Row(long events, double seconds, double eventsPerSecond, double eventsPerCpuSecond, long liveAfterGcMax, long retained, long heapPeak, String xmx,
               long matched) {
    }

    private final BenchOptions options;
    private final Path work;

    LogScanBench(BenchOptions options, Path work) {
        this.options = options;
        this.work = work;
    }

    List<Row> run() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Row> rows = new ArrayList<>();
        for (int events : options.logEvents()) {
            try (GeneratedLogsEndpoint endpoint = new GeneratedLogsEndpoint(events)) {
                List<String> command = new ArrayList<>(List.of(java, "-Xmx" + options.logHeap(), "-XX:+UseSerialGC"));
                command.addAll(Processes.forkJvmArgs());
                command.addAll(List.of("-cp", options.benchJar().toString(), LogScanFork.class.getName(),
                        endpoint.url(), String.valueOf(events)));
                Processes.Timed t = Processes.run(command, work.resolve("logs"), Map.of("PATH", "/usr/bin:/bin"), 1800);
                if (t.exitCode() != 0) {
                    throw new IllegalStateException(t.failure("the log scan of " + events + " events"));
                }
                Map<String, String> r = result(t.stdout());
                double seconds = Double.parseDouble(r.get("seconds"));
                Row row = new Row(events, seconds, events / seconds,
                        events / Double.parseDouble(r.get("cpuSeconds")), Long.parseLong(r.get("liveAfterGcMax")), Long.parseLong(r.get("retained")),
                        Long.parseLong(r.get("heapPeak")), options.logHeap(), Long.parseLong(r.get("matched")));
                rows.add(row);
                System.err.printf("  %,d events: %.2f s, %,.0f events/s, %,.0f per CPU-s, heap after GC max %.1f MB,"
                        + " retained %.1f MB%n", events, seconds, row.eventsPerSecond(), row.eventsPerCpuSecond(),
                        row.liveAfterGcMax() / 1e6, row.retained() / 1e6);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }

    static Map<String, String> result(String stdout) {
        String line = stdout.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no RESULT line in: " + stdout));
        Map<String, String> values = new HashMap<>();
        for (String part : line.substring("RESULT ".length()).split(" ")) {
            int eq = part.indexOf('=');
            values.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return values;
    }
}
