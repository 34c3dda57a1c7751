package io.jenkins.plugins.lambdaverify.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Lambda endpoint that answers at once (GetFunctionConfiguration and Invoke) and notes when the first Invoke
 * arrived: start-up to first request is that instant minus the client's spawn, with nothing else in it.
 */
final class StubLambdaEndpoint implements AutoCloseable {
    private static final byte[] CONFIGURATION = """
            {"FunctionName":"SleepFunction","FunctionArn":"arn:aws:lambda:eu-west-1:123456789012:function:SleepFunction",
             "Runtime":"python3.11","Handler":"app.handler","Timeout":30,"MemorySize":128,"Version":"$LATEST",
             "State":"Active","LastUpdateStatus":"Successful","PackageType":"Zip",
             "LoggingConfig":{"LogFormat":"Text","LogGroup":"/aws/lambda/SleepFunction"}}"""
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] ANSWER = "{\"statusCode\": 200, \"body\": \"{}\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final AtomicLong firstInvoke = new AtomicLong();

    StubLambdaEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forget the previous client's first request. */
    void reset() {
        firstInvoke.set(0);
    }

    /** {@link System#nanoTime()} when the first Invoke since {@link #reset()} arrived, or 0. */
    long firstInvokeNanos() {
        return firstInvoke.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            if (path.endsWith("/invocations")) {
                firstInvoke.compareAndSet(0, System.nanoTime());
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
                body = ANSWER;
            } else if (path.endsWith("/configuration")) {
                body = CONFIGURATION;
            } else {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
