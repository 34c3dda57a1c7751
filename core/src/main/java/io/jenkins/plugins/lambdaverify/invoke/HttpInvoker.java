package io.jenkins.plugins.lambdaverify.invoke;

import io.jenkins.plugins.lambdaverify.invoke.InvocationException.Kind;
import io.jenkins.plugins.lambdaverify.invoke.event.UrlEncoding;
import io.jenkins.plugins.lambdaverify.spec.RequestSpec;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends the request over HTTP to a deployed endpoint (API Gateway stage, function URL, any base URL), once: no
 * retries, and redirects are not followed, so a 307 is seen as a 307. The timeout covers the whole exchange, body
 * included. The base URL's path is a prefix ({@code https://id.execute-api.../prod} + {@code /health}).
 *
 * <p>One retry is the JDK's and cannot be turned off per client: {@code java.net.http} sends a GET or HEAD a second
 * time when the server closes the connection before answering a single byte (HTTP allows retrying idempotent
 * methods). Other methods, and every failure after the first response byte or after a timeout, are never resent.
 *
 * <p>Headers the JDK client sets itself ({@code Host}, {@code Content-Length}, {@code Connection}, {@code Expect},
 * {@code Upgrade}) cannot be overridden and are left out. A text body is returned as text (UTF-8, or the
 * {@code charset} of the Content-Type); any other body as base64 with {@code bodyBase64} set. A body over the limit
 * is a {@link Kind#BAD_PAYLOAD} with an excerpt.
 */
public final class HttpInvoker implements Invoker {

    /** Bodies larger than this (10 MB, API Gateway's payload limit) are not read further. */
    public static final int DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^;\"\\s]+)", Pattern.CASE_INSENSITIVE);

    private final URI baseUrl;
    private final HttpClient client;
    private final int maxBodyBytes;
    private final boolean ownsClient;

    /** With {@link #defaultClient()}, closed by {@link #close()}. */
    public HttpInvoker(URI baseUrl) {
        this(baseUrl, defaultClient(), DEFAULT_MAX_BODY_BYTES, true);
    }

    /**
     * @param client a client that does not follow redirects (see {@link #defaultClient()}); borrowed, not closed
     */
    public HttpInvoker(URI baseUrl, HttpClient client, int maxBodyBytes) {
        this(baseUrl, client, maxBodyBytes, false);
    }

    private HttpInvoker(URI baseUrl, HttpClient client, int maxBodyBytes, boolean ownsClient) {
        this.baseUrl = checked(baseUrl);
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the HTTP client must not follow redirects: a 307 has to be seen");
        }
        this.client = client;
        this.maxBodyBytes = maxBodyBytes;
        this.ownsClient = ownsClient;
    }

    /** HTTP/1.1, redirects never followed, 10 s to connect. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static URI checked(URI url) {
        if (url == null || url.getScheme() == null || url.getHost() == null
                || !Set.of("http", "https").contains(url.getScheme().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("base URL '" + (url == null ? null : safe(url))
                    + "' is not an http(s) URL with a host, e.g. "
                    + "https://abc123.execute-api.eu-west-1.amazonaws.com/prod");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("base URL '" + safe(url) + "' must not have a query or fragment; put "
                    + "query parameters on the checks");
        }
        return url;
    }

    /** The full URL of {@code request}: base URL, path (encoded as needed) and query string. */
    public URI urlOf(RequestSpec request) {
        String base = baseUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String path = request.path().startsWith("/") ? request.path() : "/" + request.path();
        String query = UrlEncoding.queryString(request.query());
        return URI.create(base + UrlEncoding.encodePath(path) + (query.isEmpty() ? "" : "?" + query));
    }

    @Override
    public InvocationResponse invoke(RequestSpec request, Duration timeout)
            throws InvocationException, InterruptedException {
        URI url = urlOf(request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(timeout);
        if (request.body() == null && "GET".equals(request.method())) {
            builder.GET(); // no Content-Length: 0 on a GET
        } else if (request.body() == null && "HEAD".equals(request.method())) {
            builder.HEAD();
        } else {
            builder.method(request.method(), body(request));
        }
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                for (String v : values) {
                    try {
                        builder.header(name, v);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("header '" + name + "' cannot be sent over HTTP ("
                                + e.getMessage() + "); remove line breaks and control characters");
                    }
                }
            }
        });
        CompletableFuture<HttpResponse<BoundedBodySubscriber.Body>> future = client.sendAsync(builder.build(),
                info -> new BoundedBodySubscriber(maxBodyBytes));
        HttpResponse<BoundedBodySubscriber.Body> response;
        try {
            response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(request, url, timeout, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw failure(e.getCause() == null ? e : e.getCause(), request, url, timeout);
        }
        return toResponse(response, request);
    }

    private InvocationResponse toResponse(HttpResponse<BoundedBodySubscriber.Body> response, RequestSpec request)
            throws InvocationException {
        BoundedBodySubscriber.Body body = response.body();
        if (body.truncated()) {
            throw new InvocationException(Kind.BAD_PAYLOAD, "HTTP " + response.statusCode() + " response to "
                    + request.method() + " " + request.path() + " has a body over the " + maxBodyBytes
                    + "-byte limit; only an excerpt is kept", Payloads.excerpt(body.bytes()), null);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                headers.put(name, values);
            }
        });
        String contentType = response.headers().firstValue("content-type").orElse(null);
        String text = text(body.bytes(), contentType);
        boolean binary = text == null;
        String requestId = response.headers().firstValue("x-amzn-RequestId")
                .or(() -> response.headers().firstValue("apigw-requestid")).orElse(null);
        return new InvocationResponse(response.statusCode(), headers,
                binary ? Base64.getEncoder().encodeToString(body.bytes()) : text, binary, null, null, requestId,
                null, null);
    }

    private static String text(byte[] bytes, String contentType) {
        if (contentType != null) {
            Matcher m = CHARSET.matcher(contentType);
            if (m.find()) {
                try {
                    Charset cs = Charset.forName(m.group(1));
                    if (!cs.equals(StandardCharsets.UTF_8)) {
                        return new String(bytes, cs);
                    }
                } catch (IllegalArgumentException unknownCharset) {
                    // fall back to UTF-8 detection
                }
            }
        }
        return Payloads.utf8OrNull(bytes);
    }

    private static HttpRequest.BodyPublisher body(RequestSpec request) {
        if (request.body() == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (request.base64Body()) {
            try {
                return HttpRequest.BodyPublishers.ofByteArray(
                        Base64.getDecoder().decode(request.body().replaceAll("\\s", "")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("request body is marked base64 but is not valid base64 ("
                        + e.getMessage() + ")");
            }
        }
        return HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
    }

    private static InvocationException timeout(RequestSpec request, URI url, Duration timeout, Throwable cause) {
        return new InvocationException(Kind.TIMEOUT, "No answer to " + request.method() + " " + url.getRawPath()
                + " within " + timeout.toMillis() + "ms; not retried", null, cause);
    }

    private static InvocationException failure(Throwable cause, RequestSpec request, URI url, Duration timeout)
            throws InterruptedException {
        if (cause instanceof InterruptedException ie) {
            throw ie;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new InvocationException(Kind.NETWORK, "Could not connect to " + url.getHost() + ":"
                    + port(url) + " in time (" + cause.getMessage() + ")", null, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return timeout(request, url, timeout, cause);
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof ConnectException || root instanceof UnresolvedAddressException) {
                break;
            }
            root = root.getCause();
        }
        String what = root instanceof UnresolvedAddressException ? "unknown host"
                : root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + firstLine(root));
        if (cause instanceof IOException || cause instanceof UnresolvedAddressException
                || root instanceof IOException || root instanceof UnresolvedAddressException) {
            return new InvocationException(Kind.NETWORK, "Cannot reach " + url.getHost() + ":" + port(url) + " ("
                    + what + "); not retried", null, cause);
        }
        return new InvocationException(Kind.NETWORK, request.method() + " " + url.getRawPath() + " on "
                + url.getHost() + " failed (" + what + ")",
                null, cause);
    }

    private static String firstLine(Throwable t) {
        return InvokeErrors.firstLine(t.getMessage());
    }

    /** The URL without user-info, query or fragment: nothing secret a user may have put there. */
    private static String safe(URI url) {
        if (url.getScheme() == null || url.getRawAuthority() == null) {
            return url.getScheme() == null ? "(no scheme)" : url.getScheme() + ":...";
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    private static int port(URI url) {
        return url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    @Override
    public String describe() {
        return "http:" + safe(baseUrl);
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
