package io.jenkins.plugins.lambdaverify.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.lambdaverify.invoke.FunctionTransport;
import io.jenkins.plugins.lambdaverify.invoke.InvocationException;
import io.jenkins.plugins.lambdaverify.invoke.RawInvocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Lambda Invoke API on 127.0.0.1, backed by local functions ({@code sam local start-lambda} without Docker):
 * {@code POST /2015-03-31/functions/{name}/invocations} answers as Lambda does, so any AWS SDK or the AWS CLI
 * can invoke the built functions with an endpoint override. The {@code Qualifier} is ignored: the build is
 * {@code $LATEST}.
 */
public final class LocalInvokeServer implements AutoCloseable {
    /** Lambda's limit for a synchronous request payload. */
    static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
    static final int LOG_TAIL_BYTES = 4096;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration TIMEOUT_MARGIN = Duration.ofSeconds(5);
    private static final Pattern INVOKE_PATH = Pattern.compile("^/2015-03-31/functions/([^/]+)/invocations/?$");
    private static final Pattern CONFIGURATION_PATH = Pattern.compile("^/2015-03-31/functions/([^/]+)/configuration/?$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Function> functions = new LinkedHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    /** A function the server answers for; opened on its first invocation. */
    private static final class Function {
        private final Supplier<FunctionTransport> opener;
        /** The template's configuration, without starting the function; {@code null}: ask the transport. */
        private final Supplier<LocalFunctionConfig> configuration;
        private FunctionTransport transport;

        Function(Supplier<FunctionTransport> opener, Supplier<LocalFunctionConfig> configuration) {
            this.opener = opener;
            this.configuration = configuration;
        }

        LocalFunctionConfig config() {
            if (configuration != null) {
                return configuration.get();
            }
            return transport() instanceof LocalFunctionTransport local ? local.config() : null;
        }

        synchronized FunctionTransport transport() {
            if (transport == null) {
                transport = opener.get();
            }
            return transport;
        }

        synchronized void close() {
            if (transport != null) {
                transport.close();
            }
        }
    }

    /** @param transports function name -> transport (names are matched exactly) */
    public LocalInvokeServer(Map<String, ? extends FunctionTransport> transports) {
        transports.forEach((name, transport) -> functions.put(name, new Function(() -> transport, null)));
    }

    private LocalInvokeServer() {
    }

    /**
     * Every function of a built SAM template, by logical id (and by {@code FunctionName} where set). Each is
     * opened on its first invocation, so one unsupported function does not stop the others.
     */
    public static LocalInvokeServer forTemplate(Path template, String region, LocalRuntime runtime,
                                                LocalLogBuffer logs, int poolSize) {
        SamTemplate sam = new SamTemplateReader(region).read(template);
        if (sam.functions().isEmpty()) {
            throw new LocalRuntimeException("SAM template " + template + " has no functions");
        }
        LocalInvokeServer server = new LocalInvokeServer();
        for (SamFunction f : sam.functions()) {
            Function function = new Function(() -> runtime.open(LocalFunctionConfig.of(f, region), logs, poolSize),
                    () -> LocalFunctionConfig.of(f, region));
            server.functions.put(f.logicalId(), function);
            if (f.functionName() != null) {
                server.functions.putIfAbsent(f.functionName(), function);
            }
        }
        return server;
    }

    public Set<String> functionNames() {
        return Set.copyOf(functions.keySet());
    }

    /**
     * Starts listening on 127.0.0.1.
     *
     * @param port the port, 0 for any free one
     * @return the bound port
     */
    public synchronized int start(int port) throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started on port " + server.getAddress().getPort());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}, for an SDK's endpoint override. */
    public synchronized URI endpoint() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stops listening and ends every local function process. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
        functions.values().stream().distinct().forEach(Function::close);
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher m = INVOKE_PATH.matcher(exchange.getRequestURI().getRawPath());
            Matcher configuration = CONFIGURATION_PATH.matcher(exchange.getRequestURI().getRawPath());
            if (configuration.matches() && "GET".equals(exchange.getRequestMethod())) {
                String name = functionName(URLDecoder.decode(configuration.group(1), StandardCharsets.UTF_8));
                Function function = functions.get(name);
                if (function == null) {
                    notFound(exchange, name);
                } else {
                    configuration(exchange, name, function);
                }
                return;
            }
            if (!m.matches()) {
                error(exchange, 404, "UnknownOperationException", "Unknown operation "
                        + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                error(exchange, 405, "UnknownOperationException", "Invoke takes POST, not "
                        + exchange.getRequestMethod());
                return;
            }
            String name = functionName(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
            Function function = functions.get(name);
            if (function == null) {
                notFound(exchange, name);
                return;
            }
            byte[] payload = readPayload(exchange);
            if (payload == null) {
                return;
            }
            invoke(exchange, name, function, payload);
        }
    }

    private void notFound(HttpExchange exchange, String name) throws IOException {
        error(exchange, 404, "ResourceNotFoundException", "Function not found: arn:aws:lambda:"
                + LocalFunctionConfig.DEFAULT_REGION + ":123456789012:function:" + name
                + " (local functions: " + String.join(", ", functions.keySet()) + ")");
    }

    /**
     * GetFunctionConfiguration, so a client that looks the function up before invoking it (lambda-verify's lambda
     * mode with --endpoint-url) works against the local build. Environment variables are left out on purpose.
     */
    private static void configuration(HttpExchange exchange, String name, Function function) throws IOException {
        LocalFunctionConfig config;
        try {
            config = function.config();
        } catch (LocalRuntimeException e) {
            error(exchange, 400, "InvalidParameterValueException", e.getMessage());
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        String region = config != null ? config.region() : LocalFunctionConfig.DEFAULT_REGION;
        body.put("FunctionName", name);
        body.put("FunctionArn", "arn:aws:lambda:" + region + ":123456789012:function:" + name);
        body.put("Version", LocalInvocation.VERSION);
        body.put("State", "Active");
        body.put("LastUpdateStatus", "Successful");
        body.put("PackageType", "Zip");
        if (config != null) {
            body.put("Runtime", config.runtime());
            body.put("Handler", config.handler());
            body.put("Timeout", config.timeout().toSeconds());
            body.put("MemorySize", config.memoryMb());
        }
        ObjectNode logging = body.putObject("LoggingConfig");
        logging.put("LogFormat", "Text");
        logging.put("LogGroup", "/aws/lambda/" + name);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, 200, JSON.writeValueAsBytes(body));
    }

    /** The function name from a name, a partial or a full ARN ({@code arn:aws:lambda:r:a:function:name:qualifier}). */
    static String functionName(String nameOrArn) {
        String[] parts = nameOrArn.split(":");
        if (nameOrArn.startsWith("arn:") && parts.length >= 7) {
            return parts[6];
        }
        if (parts.length >= 3 && "function".equals(parts[1])) {
            return parts[2];
        }
        return parts[0];
    }

    private byte[] readPayload(HttpExchange exchange) throws IOException {
        byte[] payload;
        try (InputStream in = exchange.getRequestBody()) {
            payload = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            error(exchange, 413, "RequestTooLargeException", "Request must be smaller than "
                    + MAX_PAYLOAD_BYTES + " bytes for the InvokeFunction operation");
            return null;
        }
        if (payload.length == 0) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        try {
            JSON.readTree(payload);
        } catch (JacksonException e) {
            error(exchange, 400, "InvalidRequestContentException", "Could not parse request body into json: "
                    + e.getOriginalMessage());
            return null;
        }
        return payload;
    }

    private void invoke(HttpExchange exchange, String name, Function function, byte[] payload) throws IOException {
        String invocationType = headerOr(exchange, "X-Amz-Invocation-Type", "RequestResponse");
        FunctionTransport transport;
        try {
            transport = function.transport();
        } catch (LocalRuntimeException e) {
            error(exchange, 400, "InvalidParameterValueException", e.getMessage());
            return;
        }
        Duration timeout = transport instanceof LocalFunctionTransport local
                ? local.config().timeout().plus(TIMEOUT_MARGIN) : DEFAULT_TIMEOUT;
        if ("DryRun".equals(invocationType)) {
            send(exchange, 204, new byte[0]);
            return;
        }
        if ("Event".equals(invocationType)) {
            executor.submit(() -> transport.invoke(payload, timeout));
            exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
            send(exchange, 202, new byte[0]);
            return;
        }
        RawInvocation result;
        try {
            result = transport.invoke(payload, timeout);
        } catch (InvocationException e) {
            error(exchange, 500, "ServiceException", "local function " + name + ": " + e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(exchange, 500, "ServiceException", "the local server is stopping");
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("X-Amz-Executed-Version", result.executedVersion() != null ? result.executedVersion()
                : LocalInvocation.VERSION);
        if (result.requestId() != null) {
            headers.set("x-amzn-RequestId", result.requestId());
        }
        if (result.functionError() != null) {
            headers.set("X-Amz-Function-Error", result.functionError());
        }
        if ("Tail".equalsIgnoreCase(headerOr(exchange, "X-Amz-Log-Type", "None")) && result.logTail() != null) {
            headers.set("X-Amz-Log-Result", Base64.getEncoder().encodeToString(tail(result.logTail())));
        }
        send(exchange, 200, result.payload());
    }

    /** The last 4 KB of the logs, as Lambda's {@code LogType: Tail} gives them. */
    static byte[] tail(String logs) {
        byte[] bytes = (logs.endsWith("\n") ? logs : logs + "\n").getBytes(StandardCharsets.UTF_8);
        return bytes.length <= LOG_TAIL_BYTES ? bytes
                : Arrays.copyOfRange(bytes, bytes.length - LOG_TAIL_BYTES, bytes.length);
    }

    private static String headerOr(HttpExchange exchange, String name, String fallback) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("Type", status >= 500 ? "Service" : "User");
        body.put("message", message);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        send(exchange, status, JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
