package io.jenkins.plugins.lambdaverify.cli;

import io.jenkins.plugins.lambdaverify.local.LocalInvokeServer;
import io.jenkins.plugins.lambdaverify.local.LocalLogBuffer;
import io.jenkins.plugins.lambdaverify.local.LocalRuntime;
import io.jenkins.plugins.lambdaverify.local.LocalRuntimeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lambda-verify serve}: the Lambda Invoke API on 127.0.0.1 for every function of a SAM build, run by the
 * local runtime ({@code sam local start-lambda} without Docker). Runs until interrupted (Ctrl-C).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Serve the Lambda Invoke API on 127.0.0.1 for every function of a SAM build, run locally"
                + " (python3.x and nodejs*.x; no Docker, no AWS account). Stop with Ctrl-C.",
                "Invoke with any SDK or: aws lambda invoke --endpoint-url http://127.0.0.1:3001"
                        + " --function-name <LogicalId> out.json"})
public final class ServeCommand implements Callable<Integer> {
    /** Exit codes as the CLI documents them (kept here so the command stands alone). */
    static final int OK = 0;
    static final int USAGE = 2;
    static final int INFRASTRUCTURE = 3;
    private static final List<String> LOOPBACK = List.of("127.0.0.1", "localhost");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-t", "--template"}, paramLabel = "FILE", defaultValue = ".aws-sam/build/template.yaml",
            description = "The built SAM template (default: ${DEFAULT-VALUE})")
    Path template;

    @Option(names = {"-p", "--port"}, defaultValue = "3001", description = "Port (default: ${DEFAULT-VALUE}; 0 = any)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on: only 127.0.0.1 (default), the functions get no authentication")
    String host;

    @Option(names = "--region", defaultValue = "${env:AWS_REGION:-us-east-1}",
            description = "AWS_REGION the functions see (default: $AWS_REGION or us-east-1)")
    String region;

    @Option(names = "--pool-size", defaultValue = "2",
            description = "Warm processes per function, i.e. concurrent invocations (default: ${DEFAULT-VALUE})")
    int poolSize;

    @Option(names = {"-q", "--quiet"}, description = "Do not print the functions' logs")
    boolean quiet;

    /** Counted down to stop serving; the shutdown hook (Ctrl-C) or a test does it. */
    final CountDownLatch stop = new CountDownLatch(1);
    private volatile int boundPort = -1;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!LOOPBACK.contains(host)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--host '" + host + "' is not allowed:"
                    + " the local Invoke API has no authentication, so it listens on 127.0.0.1 only");
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port " + port + " is not a port (0-65535)");
        }
        if (poolSize < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pool-size must be at least 1");
        }
        LocalLogBuffer logs = new LocalLogBuffer(LocalLogBuffer.DEFAULT_CAPACITY, quiet ? null : event -> {
            synchronized (out) {
                out.println("[" + event.function() + "] " + event.message().replace("\n", "\n    "));
                out.flush();
            }
        });
        LocalInvokeServer server;
        try {
            server = LocalInvokeServer.forTemplate(template, region, LocalRuntime.onPath(), logs, poolSize);
            boundPort = server.start(port);
        } catch (LocalRuntimeException e) {
            err.println("lambda-verify: " + e.getMessage());
            err.flush();
            return USAGE;
        } catch (IOException e) {
            err.println("lambda-verify: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage()
                    + " (is another server using it? try --port)");
            err.flush();
            return INFRASTRUCTURE;
        }
        Thread hook = new Thread(stop::countDown, "lambda-verify-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            out.printf("Lambda Invoke API on http://127.0.0.1:%d for %s (%s)%n", boundPort,
                    String.join(", ", new TreeSet<>(server.functionNames())), template);
            out.printf("  aws lambda invoke --endpoint-url http://127.0.0.1:%d --function-name <name>"
                    + " --cli-binary-format raw-in-base64-out --payload file://event.json out.json%n", boundPort);
            out.printf("Stop with Ctrl-C.%n");
            out.flush();
            stop.await();
        } finally {
            server.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
        return OK;
    }

    /** The port it listens on once started, else -1. */
    int boundPort() {
        return boundPort;
    }
}
