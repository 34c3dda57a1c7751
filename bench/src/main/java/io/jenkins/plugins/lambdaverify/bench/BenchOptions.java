package io.jenkins.plugins.lambdaverify.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What to measure; {@code --smoke} is the tiny version CI runs to keep the command working. */
record BenchOptions(boolean smoke, Path cliJar, Path benchJar, Path docs, boolean writeDocs, List<Integer> checks,
                    List<Integer> latencies, int concurrency, int repetitions, int awsCliMaxChecks,
                    boolean awsCliRepeated, int startupRepetitions, List<Integer> logEvents, String logHeap,
                    boolean jmh, List<String> sections) {
    static final String USAGE = """
            usage: bin/benchmark [--smoke] [--write-docs] [--checks 1,13,30,100] [--latencies 0,50,200]
                                 [--concurrency 8] [--reps 3] [--awscli-max-checks 100] [--startup-reps 5]
                                 [--log-events 100000,1000000] [--log-heap 64m] [--only compare,startup,engine,logs]
            """;

    static BenchOptions parse(String[] args) {
        boolean smoke = List.of(args).contains("--smoke");
        Path cliJar = Path.of("cli/target/lambda-verify.jar");
        Path benchJar = Path.of("bench/target/lambda-verify-bench.jar");
        Path docs = Path.of("docs/performance.md");
        boolean writeDocs = false;
        List<Integer> checks = smoke ? List.of(3) : List.of(1, 13, 30, 100);
        List<Integer> latencies = smoke ? List.of(20) : List.of(0, 50, 200);
        int concurrency = 8;
        int reps = smoke ? 1 : 3;
        int awsMax = smoke ? 3 : 100;
        boolean awsRepeated = false;
        int startupReps = smoke ? 1 : 5;
        List<Integer> logEvents = smoke ? List.of(20_000) : List.of(100_000, 1_000_000);
        String heap = "64m";
        boolean jmh = true;
        List<String> sections = List.of("startup", "compare", "engine", "logs");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--smoke" -> { }
                case "--write-docs" -> writeDocs = true;
                case "--docs" -> docs = Path.of(value(args, ++i, a));
                case "--cli-jar" -> cliJar = Path.of(value(args, ++i, a));
                case "--bench-jar" -> benchJar = Path.of(value(args, ++i, a));
                case "--checks" -> checks = ints(value(args, ++i, a), a);
                case "--latencies" -> latencies = ints(value(args, ++i, a), a);
                case "--concurrency" -> concurrency = ints(value(args, ++i, a), a).getFirst();
                case "--reps" -> reps = ints(value(args, ++i, a), a).getFirst();
                case "--awscli-max-checks" -> awsMax = ints(value(args, ++i, a), a).getFirst();
                case "--awscli-repeat" -> awsRepeated = true;
                case "--startup-reps" -> startupReps = ints(value(args, ++i, a), a).getFirst();
                case "--log-events" -> logEvents = ints(value(args, ++i, a), a);
                case "--log-heap" -> heap = value(args, ++i, a);
                case "--only" -> sections = Arrays.asList(value(args, ++i, a).split(","));
                case "-h", "--help" -> throw new UsageError("");
                default -> throw new UsageError("unknown option '" + a + "'");
            }
        }
        for (String s : sections) {
            if (!List.of("startup", "compare", "engine", "logs").contains(s)) {
                throw new UsageError("--only '" + s + "' is not one of startup, compare, engine, logs");
            }
        }
        if (concurrency < 1 || reps < 1 || startupReps < 1) {
            throw new UsageError("--concurrency, --reps and --startup-reps must be at least 1");
        }
        return new BenchOptions(smoke, cliJar.toAbsolutePath(), benchJar.toAbsolutePath(), docs.toAbsolutePath(),
                writeDocs, checks, latencies, concurrency, reps, awsMax, awsRepeated, startupReps, logEvents, heap,
                jmh, sections);
    }

    boolean runs(String section) {
        return sections.contains(section);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageError(option + " needs a value");
        }
        return args[i];
    }

    private static List<Integer> ints(String text, String option) {
        List<Integer> values = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                int v = Integer.parseInt(part.strip());
                if (v < 0) {
                    throw new NumberFormatException();
                }
                values.add(v);
            } catch (NumberFormatException e) {
                throw new UsageError(option + " '" + text + "' is not a comma-separated list of whole numbers >= 0");
            }
        }
        return List.copyOf(values);
    }

    /** A mistake on the command line: one line, no stack trace. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }
}
