package io.jenkins.plugins.lambdaverify.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CLI's start-up to its first Invoke, as a user runs it ({@code java [options] -jar lambda-verify.jar run}),
 * with the JVM options that may cut it. Archives (AppCDS, the JDK 25 AOT cache) are made by one unmeasured
 * training run, as the launcher's first run makes them.
 */
final class Startup {
    /** A JVM option set; {@code training} options are used for the one unmeasured run that writes an archive. */
    record Variant(String name, List<String> options, List<String> training, boolean launcher) {
        Variant(String name, List<String> options, List<String> training) {
            this(name, options, training, false);
        }

        Variant withOptions(List<String> newOptions) {
            return new Variant(name, newOptions, null, launcher);
        }
    }

    record Row(String variant, String options, double firstRequest, double total) {
    }

    private final BenchOptions options;
    private final Path work;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    Startup(BenchOptions options, Path work) {
        this.options = options;
        this.work = work;
    }

    List<Variant> variants() {
        String jsa = work.resolve("lambda-verify.jsa").toString();
        String jsaC1 = work.resolve("lambda-verify-c1.jsa").toString();
        List<Variant> v = new ArrayList<>();
        v.add(new Variant("java -jar (defaults: CDS of the JDK's classes)", List.of(), null));
        v.add(new Variant("no CDS at all", List.of("-Xshare:off"), null));
        v.add(new Variant("C1 only", List.of("-XX:TieredStopAtLevel=1"), null));
        v.add(new Variant("Serial GC", List.of("-XX:+UseSerialGC"), null));
        v.add(new Variant("AppCDS (dynamic archive of the app's classes)",
                List.of("-XX:SharedArchiveFile=" + jsa, "-XX:+AutoCreateSharedArchive"), List.of()));
        v.add(new Variant("AppCDS + C1 only + Serial GC (bin/lambda-verify)",
                List.of("-XX:SharedArchiveFile=" + jsaC1, "-XX:+AutoCreateSharedArchive", "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC"), List.of()));
        Path launcher = launcher(options);
        if (Files.isExecutable(launcher)) {
            v.add(new Variant("bin/lambda-verify (the launcher: AppCDS + C1 only + Serial GC)", List.of(), List.of(),
                    true));
        }
        if (Runtime.version().feature() >= 25) {
            String aot = work.resolve("lambda-verify.aot").toString();
            v.add(new Variant("AOT cache (JDK 25+, -XX:AOTCache)", List.of("-XX:AOTCache=" + aot),
                    List.of("-XX:AOTCacheOutput=" + aot)));
        }
        if (options.smoke()) {
            return v.stream().filter(x -> x == v.getFirst() || x.launcher()).toList();
        }
        return v;
    }

    List<Row> run() {
        List<Row> rows = new ArrayList<>();
        Path dir = work.resolve("startup");
        Path spec = Comparison.writeSpec(dir, 1, 0);
        Map<String, String> env = Processes.clientEnvironment(work);
        try (StubLambdaEndpoint endpoint = new StubLambdaEndpoint()) {
            for (Variant variant : variants()) {
                if (variant.training() != null) {
                    List<String> training = new ArrayList<>(variant.training());
                    if (training.isEmpty()) {
                        training.addAll(variant.options());
                    }
                    once(variant.withOptions(training), endpoint, spec, dir, env);
                }
                if (!options.smoke()) {
                    once(variant, endpoint, spec, dir, env); // unmeasured: page cache
                }
                List<Double> first = new ArrayList<>();
                List<Double> total = new ArrayList<>();
                for (int i = 0; i < options.startupRepetitions(); i++) {
                    double[] t = once(variant, endpoint, spec, dir, env);
                    first.add(t[0]);
                    total.add(t[1]);
                }
                Row row = new Row(variant.name(), String.join(" ", variant.options()).replace(work.toString(), "DIR"),
                        Processes.median(first), Processes.median(total));
                rows.add(row);
                System.err.printf("  %-50s first request %.3f s, total %.3f s%n", variant.name(), row.firstRequest(),
                        row.total());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** bin/lambda-verify of the checkout the CLI jar was built in. */
    static Path launcher(BenchOptions options) {
        return options.cliJar().getParent().getParent().getParent().resolve("bin").resolve("lambda-verify");
    }

    /** The launcher runs this JVM and the jar measured, with its archive in the work directory. */
    static Map<String, String> launcherEnvironment(Map<String, String> clientEnv, BenchOptions options, Path work) {
        Map<String, String> env = new HashMap<>(clientEnv);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("LAMBDA_VERIFY_JAR", options.cliJar().toString());
        env.put("LAMBDA_VERIFY_CACHE", work.resolve("launcher-cache").toString());
        return env;
    }

    /** {start-up to first Invoke, whole run} in seconds. */
    private double[] once(Variant variant, StubLambdaEndpoint endpoint, Path spec, Path dir,
                          Map<String, String> clientEnv) {
        endpoint.reset();
        List<String> jvmOptions = variant.options();
        List<String> command = new ArrayList<>();
        Map<String, String> env = clientEnv;
        if (variant.launcher()) {
            command.add(launcher(options).toString());
            env = launcherEnvironment(clientEnv, options, work);
        } else {
            command.add(java);
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", options.cliJar().toString()));
        }
        command.addAll(List.of("run", "-c", spec.toString(), "--mode", "lambda",
                "--function", SleepApp.FUNCTION, "--endpoint-url", endpoint.url(), "--region", "eu-west-1",
                "--no-log-scan", "--report-dir", dir.resolve("reports").toString()));
        Processes.Timed t = Processes.run(command, dir, env, 120);
        if (t.exitCode() != 0 || endpoint.firstInvokeNanos() == 0) {
            throw new IllegalStateException(t.failure("lambda-verify (" + variant.name() + ")"));
        }
        return new double[] {(endpoint.firstInvokeNanos() - t.startNanos()) / 1e9, t.seconds()};
    }
}
