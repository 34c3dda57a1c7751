package io.jenkins.plugins.lambdaverify.logs;

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
 * A tiny CloudWatch Logs endpoint (JSON 1.1 FilterLogEvents with nextToken) that generates {@code total} events on
 * the fly, so a scan of any size can run without holding the events anywhere. Event {@code n} is described by the
 * static methods below, which tests use to compute what the scanner must find.
 */
public final class GeneratedLogsServer implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private static final Pattern NEXT_TOKEN = Pattern.compile("\"nextToken\"\\s*:\\s*\"(\\d+)\"");

    private final HttpServer server;
    private final int total;
    private final int pageSize;

    public GeneratedLogsServer(int total, int pageSize) throws IOException {
        this.total = total;
        this.pageSize = pageSize;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = NEXT_TOKEN.matcher(body);
            int page = m.find() ? Integer.parseInt(m.group(1)) : 0;
            byte[] response = page(page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public static String requestId(long n) {
        return String.format("%08x-0000-4000-8000-%012x", n, n);
    }

    public static String stream(long n) {
        return n % 5000 == 4999 ? "2026/11/28/[6]oldversion" : "2026/11/28/[7]env" + (n % 4);
    }

    public static Instant timestamp(long n) {
        return START.plusMillis(n);
    }

    public static String message(long n) {
        String ts = timestamp(n).toString();
        if (n % 1000 == 0) {
            return "[ERROR]\t" + ts + "\t" + requestId(n) + "\tModuleNotFoundError: No module named 'src.api.v1.mod"
                    + (n / 1000 % 3) + "'";
        }
        if (n % 2500 == 1) {
            return ts + " " + requestId(n) + " Task timed out after 3.00 seconds";
        }
        return "[INFO]\t" + ts + "\t" + requestId(n) + "\tGET /orders/" + n + " 200";
    }

    private String page(int page) {
        long first = (long) page * pageSize;
        long end = Math.min(total, first + pageSize);
        StringBuilder json = new StringBuilder(pageSize * 200).append("{\"events\":[");
        for (long n = first; n < end; n++) {
            if (n > first) {
                json.append(',');
            }
            json.append("{\"eventId\":\"").append(n).append("\",\"logStreamName\":\"").append(stream(n))
                    .append("\",\"timestamp\":").append(timestamp(n).toEpochMilli())
                    .append(",\"ingestionTime\":").append(timestamp(n).toEpochMilli() + 500)
                    .append(",\"message\":\"").append(message(n).replace("\\", "\\\\").replace("\"", "\\\"")
                            .replace("\t", "\\t")).append("\"}");
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
