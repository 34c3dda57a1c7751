package io.jenkins.plugins.lambdaverify.local;

import io.jenkins.plugins.lambdaverify.invoke.InvocationException;
import io.jenkins.plugins.lambdaverify.platform.HostPlatform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One warm local sandbox: a bootstrap process that serves one invocation at a time and keeps its module cache
 * between invocations, as a Lambda execution environment does. Not thread-safe: the pool hands it to one caller.
 *
 * <p>Its merged stdout/stderr is read by a pump thread: frames (prefixed with this process's random nonce) go to
 * a queue, every other line is a log event of the current invocation.
 */
final class LocalProcess implements AutoCloseable {
    /** Lambda's own limit for the init phase. */
    static final Duration INIT_LIMIT = Duration.ofSeconds(10);
    /** CloudWatch's limit for one event. */
    private static final int MAX_LINE_BYTES = 256 * 1024;
    /** A frame carries a whole response (Lambda allows 6 MB, escaped once more inside the frame's JSON). */
    private static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;
    /** Lambda's limit for a synchronous response payload. */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;
    /** What one invocation keeps of its own logs (Lambda's tail is 4 KB); the oldest lines go first. */
    static final int MAX_INVOCATION_LOG_CHARS = 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final String EOF = "EOF";

    private record Frame(String type, JsonNode body) {
    }

    private final LocalFunctionConfig config;
    private final LocalLogBuffer logs;
    private final Process process;
    private final OutputStream stdin;
    private final String nonce;
    private final String stream;
    private final Thread pump;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private volatile String currentRequestId;
    private volatile List<String> currentLines = new ArrayList<>();
    private long currentChars;
    private int droppedLines;
    private boolean ready;
    private boolean reusable = true;

    private LocalProcess(LocalFunctionConfig config, LocalLogBuffer logs, Process process, String nonce,
                         String stream) {
        this.config = config;
        this.logs = logs;
        this.process = process;
        this.stdin = process.getOutputStream();
        this.nonce = nonce;
        this.stream = stream;
        this.pump = Thread.ofPlatform().daemon().name("lambda-verify-local-" + config.functionName())
                .start(this::pumpOutput);
    }

    static LocalProcess start(Interpreter interpreter, LocalFunctionConfig config, LocalLogBuffer logs)
            throws IOException {
        String nonce = HexFormat.of().formatHex(randomBytes(16));
        String stream = LocalDate.now(ZoneOffset.UTC).format(STREAM_DATE) + "/[" + LocalInvocation.VERSION + "]"
                + HexFormat.of().formatHex(randomBytes(16));
        List<String> command = new ArrayList<>();
        command.add(interpreter.executable().toString());
        if (interpreter.language() == RuntimeLanguage.PYTHON) {
            // -u: no buffering, so log lines keep their order with the frames; -B: the task root stays untouched;
            // -S: no site-packages on the path (the bootstrap admits only what Lambda's runtime provides).
            command.add("-u");
            command.add("-B");
            command.add("-S");
        }
        command.add(BootstrapFiles.script(interpreter.language()).toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(config.artifactDir().toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment(interpreter, config, stream, nonce, HostPlatform.current()));
        return new LocalProcess(config, logs, builder.start(), nonce, stream);
    }

    /** Lambda's environment: the function's variables, then the reserved ones, which the function cannot override. */
    static Map<String, String> environment(Interpreter interpreter, LocalFunctionConfig config, String stream,
                                           String nonce, HostPlatform platform) {
        Map<String, String> env = new LinkedHashMap<>(config.environment());
        Path taskRoot = config.artifactDir().toAbsolutePath().normalize();
        Path interpreterDir = interpreter.executable().getParent();
        String separator = platform.pathSeparator();
        String systemDirs = platform.windows()
                ? platform.systemRoot() + "\\System32" + separator + platform.systemRoot()
                : "/usr/local/bin:/usr/bin:/bin";
        env.put("PATH", (interpreterDir == null ? "" : interpreterDir + separator) + systemDirs);
        if (platform.windows()) {
            // Python and Node on Windows cannot start (random numbers, sockets) without SystemRoot.
            env.put("SystemRoot", platform.systemRoot());
        }
        env.put("LANG", "C.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", BootstrapFiles.dir().toString());
        env.put("_HANDLER", config.handler());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + config.runtime());
        env.put("AWS_LAMBDA_FUNCTION_NAME", config.functionName());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", LocalInvocation.VERSION);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.functionName());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", stream);
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_REGION", config.region());
        env.put("AWS_DEFAULT_REGION", config.region());
        List<String> layers = config.layerDirs().stream().map(d -> d.toAbsolutePath().normalize().toString()).toList();
        if (!layers.isEmpty()) {
            env.put("LAMBDA_VERIFY_LAYERS", String.join(separator, layers));
        }
        if (interpreter.language() == RuntimeLanguage.NODE) {
            // Lambda's NODE_PATH: the layers' node_modules (as /opt/nodejs/...), then the task root.
            List<String> nodePath = new ArrayList<>();
            for (String layer : layers) {
                nodePath.add(layer + "/nodejs/node_modules");
            }
            nodePath.add(taskRoot.toString());
            env.put("NODE_PATH", String.join(separator, nodePath));
        }
        env.put("LAMBDA_VERIFY_NONCE", nonce);
        return env;
    }

    String stream() {
        return stream;
    }

    /** Whether the next invocation may use this process (false once it timed out, crashed or failed init). */
    boolean reusable() {
        return reusable && process.isAlive();
    }

    LocalInvocation invoke(String requestId, byte[] payload, Duration callerTimeout)
            throws InvocationException, InterruptedException {
        long callerDeadline = System.nanoTime() + callerTimeout.toNanos();
        synchronized (this) {
            currentLines = new ArrayList<>();
            currentChars = 0;
            droppedLines = 0;
        }
        currentRequestId = requestId;
        try {
            return run(requestId, payload, callerTimeout, callerDeadline);
        } finally {
            currentRequestId = null;
        }
    }

    private LocalInvocation run(String requestId, byte[] payload, Duration callerTimeout, long callerDeadline)
            throws InvocationException, InterruptedException {
        Double initDuration = null;
        long timeoutNanos = config.timeout().toNanos();
        if (!ready) {
            long initLimit = Math.max(INIT_LIMIT.toNanos(), timeoutNanos);
            Frame frame = next(Math.min(callerDeadline, System.nanoTime() + initLimit));
            if (frame == null || EOF.equals(frame.type())) {
                log("START RequestId: " + requestId + " Version: " + LocalInvocation.VERSION);
                return frame == null ? timedOut(requestId, callerTimeout, callerDeadline, 0, null)
                        : exited(requestId, 0, null);
            }
            initDuration = frame.body().path("initDurationMs").asDouble(0);
            ready = true;
        }
        log("START RequestId: " + requestId + " Version: " + LocalInvocation.VERSION);
        long started = System.nanoTime();
        long functionDeadline = started + timeoutNanos;
        try {
            ObjectNode request = JSON.createObjectNode();
            request.put("requestId", requestId);
            request.put("deadlineMs", System.currentTimeMillis() + config.timeout().toMillis());
            request.put("invokedFunctionArn", "arn:aws:lambda:" + config.region() + ":123456789012:function:"
                    + config.functionName());
            request.put("payload", Base64.getEncoder().encodeToString(payload));
            stdin.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            // The process is gone; its EOF frame tells how it ended.
            next(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            return exited(requestId, elapsedMs(started), initDuration);
        }
        Frame frame = next(Math.min(callerDeadline, functionDeadline));
        double durationMs = elapsedMs(started);
        if (frame == null) {
            return timedOut(requestId, callerTimeout, callerDeadline, durationMs, initDuration);
        }
        if (EOF.equals(frame.type())) {
            return exited(requestId, durationMs, initDuration);
        }
        Integer maxMemory = frame.body().path("maxMemoryMb").isNumber()
                ? frame.body().path("maxMemoryMb").asInt() : null;
        if ("RESULT".equals(frame.type())) {
            byte[] result = frame.body().path("payload").asString("null").getBytes(StandardCharsets.UTF_8);
            if (result.length > MAX_RESPONSE_BYTES) {
                report(requestId, durationMs, maxMemory, initDuration, null);
                ObjectNode error = JSON.createObjectNode();
                error.put("errorType", "Function.ResponseSizeTooLarge");
                error.put("errorMessage", "Response payload size exceeded maximum allowed payload size ("
                        + MAX_RESPONSE_BYTES + " bytes).");
                return finish(requestId, JSON.writeValueAsBytes(error), "Unhandled", initDuration, durationMs);
            }
            report(requestId, durationMs, maxMemory, initDuration, null);
            return finish(requestId, result, null, initDuration, durationMs);
        }
        JsonNode error = frame.body().path("error");
        if (frame.body().path("fatal").asBoolean(false)) {
            reusable = false;
        }
        report(requestId, durationMs, maxMemory, initDuration,
                reusable ? null : "\tStatus: error\tError Type: " + error.path("errorType").asString(""));
        if (!reusable) {
            close();
        }
        return finish(requestId, JSON.writeValueAsBytes(error), "Unhandled", initDuration, durationMs);
    }

    private LocalInvocation timedOut(String requestId, Duration callerTimeout, long callerDeadline,
                                     double durationMs, Double initDuration) throws InvocationException {
        reusable = false;
        boolean callerGaveUp = System.nanoTime() - callerDeadline >= 0
                && callerTimeout.compareTo(config.timeout()) < 0;
        kill();
        if (callerGaveUp) {
            log("lambda-verify: no answer within " + seconds(callerTimeout) + " seconds (the check's timeout);"
                    + " the local process was stopped");
            throw new InvocationException(InvocationException.Kind.TIMEOUT, "local function "
                    + config.functionName() + " gave no answer within " + seconds(callerTimeout)
                    + " s (the check's timeout; the function's own is " + seconds(config.timeout()) + " s)");
        }
        String message = "Task timed out after " + seconds(config.timeout()) + " seconds";
        log(DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.MILLIS)) + " " + requestId
                + " " + message);
        report(requestId, config.timeout().toMillis(), null, initDuration, "\tStatus: timeout");
        ObjectNode error = JSON.createObjectNode();
        error.put("errorType", "Sandbox.Timedout");
        error.put("errorMessage", "RequestId: " + requestId + " Error: " + message);
        return finish(requestId, JSON.writeValueAsBytes(error), "Unhandled", initDuration, durationMs);
    }

    private LocalInvocation exited(String requestId, double durationMs, Double initDuration) {
        reusable = false;
        int code;
        try {
            code = process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        kill();
        String message = "RequestId: " + requestId + " Error: " + (code == 0
                ? "Runtime exited without providing a reason" : "Runtime exited with error: " + exitReason(code));
        log(message);
        log("Runtime.ExitError");
        report(requestId, durationMs, null, initDuration, "\tStatus: error\tError Type: Runtime.ExitError");
        ObjectNode error = JSON.createObjectNode();
        error.put("errorType", "Runtime.ExitError");
        error.put("errorMessage", message);
        return finish(requestId, JSON.writeValueAsBytes(error), "Unhandled", initDuration, durationMs);
    }

    /** Go's wording, as Lambda's: {@code exit status 1}, {@code signal: killed}. */
    static String exitReason(int code) {
        return switch (code) {
            case -1 -> "signal: killed";
            case 134 -> "signal: aborted";
            case 137 -> "signal: killed";
            case 139 -> "signal: segmentation fault";
            case 143 -> "signal: terminated";
            default -> "exit status " + code;
        };
    }

    private void report(String requestId, double durationMs, Integer maxMemoryMb, Double initDuration,
                        String status) {
        log("END RequestId: " + requestId);
        StringBuilder line = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(String.format(Locale.ROOT, "%.2f", durationMs)).append(" ms")
                .append("\tBilled Duration: ").append((long) Math.ceil(durationMs)).append(" ms")
                .append("\tMemory Size: ").append(config.memoryMb()).append(" MB");
        if (maxMemoryMb != null) {
            line.append("\tMax Memory Used: ").append(maxMemoryMb).append(" MB");
        }
        if (initDuration != null) {
            line.append("\tInit Duration: ").append(String.format(Locale.ROOT, "%.2f", initDuration)).append(" ms");
        }
        if (status != null) {
            line.append(status);
        }
        log(line.toString());
    }

    private LocalInvocation finish(String requestId, byte[] payload, String functionError, Double initDuration,
                                   double durationMs) {
        List<String> lines;
        synchronized (this) {
            List<String> kept = new ArrayList<>(currentLines);
            if (droppedLines > 0) {
                kept.add(Math.min(1, kept.size()), "[lambda-verify: " + droppedLines + " earlier log lines of this"
                        + " invocation dropped, over " + MAX_INVOCATION_LOG_CHARS + " characters]");
            }
            lines = List.copyOf(kept);
        }
        return new LocalInvocation(requestId, payload, functionError, lines, initDuration, durationMs);
    }

    private Frame next(long deadlineNanos) throws InterruptedException {
        long wait = deadlineNanos - System.nanoTime();
        return wait <= 0 ? frames.poll() : frames.poll(wait, TimeUnit.NANOSECONDS);
    }

    private synchronized void log(String message) {
        logs.append(new LocalLogEvent(Instant.now(), config.functionName(), stream, currentRequestId, message));
        if (currentRequestId != null) {
            currentLines.add(message);
            currentChars += message.length();
            // Keep the START line; drop the oldest after it.
            while (currentChars > MAX_INVOCATION_LOG_CHARS && currentLines.size() > 2) {
                currentChars -= currentLines.remove(1).length();
                droppedLines++;
            }
        }
    }

    private void pumpOutput() {
        byte[] marker = nonce.getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = process.getInputStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int limit = MAX_LINE_BYTES;
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b != '\n' && line.size() >= limit) {
                        // Past a log event's size: a frame may go on (up to its own bound), a log line is cut.
                        limit = limit == MAX_LINE_BYTES && contains(line, marker) ? MAX_FRAME_BYTES : 0;
                    }
                    if (b == '\n' || (limit == 0 || line.size() >= limit)) {
                        handleLine(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                        limit = MAX_LINE_BYTES;
                        if (b == '\n') {
                            continue;
                        }
                    }
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                handleLine(line.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The process was killed: its output ends here.
        } finally {
            frames.add(new Frame(EOF, JSON.createObjectNode()));
        }
    }

    private static boolean contains(ByteArrayOutputStream line, byte[] marker) {
        byte[] bytes = line.toByteArray();
        outer:
        for (int i = 0; i + marker.length <= bytes.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (bytes[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private void handleLine(String raw) {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        int at = line.indexOf(nonce + " ");
        if (at >= 0) {
            String rest = line.substring(at + nonce.length() + 1);
            int space = rest.indexOf(' ');
            if (space > 0) {
                try {
                    JsonNode body = JSON.readTree(rest.substring(space + 1));
                    if (at > 0) {
                        logLine(line.substring(0, at));
                    }
                    frames.add(new Frame(rest.substring(0, space), body));
                    return;
                } catch (JacksonException e) {
                    // Not a frame after all: a log line that happens to contain the nonce.
                }
            }
        }
        logLine(line);
    }

    private void logLine(String line) {
        // The runtimes turn a record's newlines into carriage returns so that it stays one event.
        log(line.replace('\r', '\n'));
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            pump.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        reusable = false;
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        kill();
    }

    private static double elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000.0;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toMillis() / 1000.0);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
