package io.jenkins.plugins.lambdaverify.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** {@code bin/benchmark}: every measurement in one run on one machine, printed as Markdown (see docs/performance.md). */
public final class BenchmarkMain {
    static final String BEGIN = "<!-- benchmark:begin (bin/benchmark --write-docs rewrites this section) -->";
    static final String END = "<!-- benchmark:end -->";

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchOptions.UsageError e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("bin/benchmark: " + e.getMessage());
            }
            System.err.print(BenchOptions.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        for (Path jar : new Path[] {options.cliJar(), options.benchJar()}) {
            if (!Files.isRegularFile(jar)) {
                System.err.println("bin/benchmark: " + jar + " not found: build first (bin/benchmark does)");
                System.exit(2);
            }
        }
        Path work = Files.createTempDirectory("lambda-verify-bench");
        try {
            String markdown = run(options, work, String.join(" ", java.util.Arrays.stream(args)
                    .filter(a -> !a.endsWith(".jar") && !a.equals("--cli-jar") && !a.equals("--bench-jar")).toList()));
            System.out.println(markdown);
            if (options.writeDocs()) {
                writeDocs(options.docs(), markdown);
                System.err.println("rewrote the results in " + options.docs());
            }
        } finally {
            delete(work);
        }
    }

    static String run(BenchOptions options, Path work, String args) throws Exception {
        Machine machine = Machine.describe();
        Report report = new Report(machine, options, args);
        if (options.runs("startup")) {
            System.err.println("== CLI start-up");
            report.startup(new Startup(options, work).run());
        }
        if (options.runs("compare")) {
            System.err.println("== lambda-verify vs the boto3 script vs the awscli loop");
            Comparison comparison = new Comparison(options, work, Clients.detect());
            var rows = comparison.run();
            report.comparison(rows, options.concurrency(), comparison.notes());
        }
        if (options.runs("engine")) {
            System.err.println("== engine overhead (JMH)");
            report.engine(new EngineBench(options, work).run());
        }
        if (options.runs("logs")) {
            System.err.println("== log scan");
            report.logs(new LogScanBench(options, work).run());
        }
        return report.render();
    }

    /** Replaces what is between the markers of docs/performance.md with the fresh results. */
    static void writeDocs(Path docs, String markdown) throws IOException {
        String text = Files.readString(docs, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(docs + " has no '" + BEGIN + "' ... '" + END + "' section to rewrite");
        }
        Files.writeString(docs, text.substring(0, begin + BEGIN.length()) + "\n" + markdown.strip() + "\n"
                + text.substring(end), StandardCharsets.UTF_8);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
