package io.jenkins.plugins.lambdaverify.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudWatch Logs FilterLogEvents (JSON 1.1, nextToken pagination) generating {@code total} Lambda-shaped events
 * up front, about 1 MB per page as CloudWatch pages are, the scanner holds no events but the page in flight. One event in 1000 is a ModuleNotFoundError, one in 5000 belongs to another version.
 */
final class GeneratedLogsEndpoint implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    static final int PAGE_SIZE = 5000;
    private static final Pattern NEXT_TOKEN = Pattern.compile("\"nextToken\"\\s*:\\s*\"(\\d+)\"");

    private final HttpServer server;
    private final long total;
    private final byte[][] pages;

    /** Renders every page before serving, so making pages takes no CPU from the scan being measured. */
    GeneratedLogsEndpoint(long total) throws IOException {
        this.total = total;
        pages = new byte[(int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE)][];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = page(i).getBytes(StandardCharsets.UTF_8);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = NEXT_TOKEN.matcher(body);
            long page = m.find() ? Long.parseLong(m.group(1)) : 0;
            byte[] response = pages[(int) page];
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static String requestId(long n) {
        return String.format("%08x-0000-4000-8000-%012x", n / 8, n / 8);
    }

    private String page(long page) {
        long first = page * PAGE_SIZE;
        long end = Math.min(total, first + PAGE_SIZE);
        StringBuilder json = new StringBuilder(PAGE_SIZE * 230).append("{\"events\":[");
        for (long n = first; n < end; n++) {
            if (n > first) {
                json.append(',');
            }
            long ts = START.toEpochMilli() + n;
            String stream = n % 5000 == 4999 ? "2026/11/28/[6]0123456789abcdef0123456789abcdef"
                    : "2026/11/28/[7]" + (n % 4) + "123456789abcdef0123456789abcdef";
            String id = requestId(n);
            String message = n % 1000 == 0
                    ? "[ERROR]\\t" + Instant.ofEpochMilli(ts) + "\\t" + id
                            + "\\tModuleNotFoundError: No module named 'src.api.v1.mod" + (n / 1000 % 3) + "'"
                    : "[INFO]\\t" + Instant.ofEpochMilli(ts) + "\\t" + id + "\\tGET /api/v1/orders/" + n
                            + " 200 in 12 ms (user agent: lambda-verify)";
            json.append("{\"eventId\":\"").append(n).append("00000000000000000000000000000000000000000000")
                    .append("\",\"logStreamName\":\"").append(stream)
                    .append("\",\"timestamp\":").append(ts).append(",\"ingestionTime\":").append(ts + 500)
                    .append(",\"message\":\"").append(message).append("\"}");
        }
        json.append("],\"searchedLogStreams\":[]");
        if (end < total) {
            json.append(",\"nextToken\":\"").append(page + 1).append('"');
        }
        return json.append('}').toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
