package io.jenkins.plugins.lambdaverify.invoke.event;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Percent-encoding for paths and query strings, shared by the event factories and the HTTP invoker so both put
 * the same bytes on the (real or emulated) wire. Query values in a {@code RequestSpec} are plain text; paths are
 * taken as written, keeping any {@code %XX} the user already typed.
 */
public final class UrlEncoding {

    private static final String UNRESERVED_PUNCT = "-._~";
    private static final String PATH_EXTRA = "!$&'()*+,;=:@/";

    private UrlEncoding() {
    }

    /** One query key or value: everything but RFC 3986 unreserved characters is encoded, space as {@code %20}. */
    public static String encodeQueryComponent(String s) {
        return encode(s, "");
    }

    /** {@code k=v&k=v2&...} in the order given, keys and values encoded; a key without values is left out. */
    public static String queryString(Map<String, List<String>> query) {
        StringBuilder sb = new StringBuilder();
        query.forEach((k, values) -> values.forEach(v -> {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(encodeQueryComponent(k)).append('=').append(encodeQueryComponent(v == null ? "" : v));
        }));
        return sb.toString();
    }

    /** The path with characters that may not appear in a URL path encoded; valid {@code %XX} escapes are kept. */
    public static String encodePath(String path) {
        return encode(path, PATH_EXTRA);
    }

    /** Decodes {@code %XX} escapes as UTF-8 ({@code +} stays {@code +}); a malformed escape is kept as written. */
    public static String decodePath(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String encode(String s, String allowed) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean keepEscape = !allowed.isEmpty() && b == '%' && i + 2 < bytes.length
                    && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0;
            if (isUnreserved(b) || (b < 0x80 && allowed.indexOf(b) >= 0) || keepEscape) {
                sb.append((char) b);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean isUnreserved(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || UNRESERVED_PUNCT.indexOf(b) >= 0;
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
