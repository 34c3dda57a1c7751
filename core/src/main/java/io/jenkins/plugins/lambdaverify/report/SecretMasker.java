package io.jenkins.plugins.lambdaverify.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets with {@value #MASK} before anything reaches a log, console or report. Pure, immutable and
 * thread-safe: {@link #withLiterals} returns a new masker.
 *
 * <p>What it masks:
 * <ul>
 *   <li><b>Header values</b> ({@link #maskHeaders}) of {@code Authorization}, {@code Proxy-Authorization},
 *       {@code Cookie}, {@code Set-Cookie}, {@code X-Api-Key}, {@code X-Amz-Security-Token}, and of any header whose
 *       name contains {@code token}, {@code secret}, {@code password}, {@code api-key}/{@code apikey},
 *       {@code authorization}, {@code cookie}, {@code credential} or {@code signature} (case-insensitive). Other
 *       header values get the free-text rules below.</li>
 *   <li><b>Query and fragment parameters</b> ({@link #maskPath}, and URLs inside free text) named {@code token},
 *       {@code access_token}, {@code id_token}, {@code refresh_token}, {@code api_key}, {@code apikey}, {@code key},
 *       {@code secret}, {@code client_secret}, {@code password}, {@code signature}, {@code sig},
 *       {@code X-Amz-Signature}, {@code X-Amz-Credential}, {@code X-Amz-Security-Token}, {@code code}, or any name
 *       that looks like a secret (see {@link #isSecretName}); and the password of {@code user:password@host}.</li>
 *   <li><b>Free text</b> ({@link #maskText}, {@link #maskLines}): {@code Bearer xxx}, {@code Basic xxx} and
 *       {@code AWS4-HMAC-SHA256 ...} credentials; header-style lines such as
 *       {@code X-Auth-Token: xxx}; {@code name=value} / {@code name: value} pairs whose name looks like a secret
 *       ({@code password=hunter2}, {@code password="hunter2"}); JSON and Python-dict string fields whose name
 *       looks like a secret
 *       ({@code "password": "..."}, {@code "accessToken": "..."}, {@code 'apiKey': '...'}, and the escaped form
 *       {@code \"token\": \"...\"} of JSON inside a JSON string), including a value cut off by truncation, and
 *       every string of an array under such a name ({@code "cookies": ["session=..."]});
 *       AWS access key ids ({@code AKIA}/{@code ASIA} + 16 characters) and, in text that holds one, every
 *       40-character secret-key-shaped token.</li>
 *   <li><b>Literal values</b> given by the front end ({@link #withLiterals}), e.g. the values of
 *       {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN} or credentials the user marks, wherever they occur,
 *       also in their URL-encoded and JSON-escaped forms. Blank literals are ignored.
 *       {@link #withEnvironmentSecrets} picks them from an environment.</li>
 * </ul>
 * Secret-looking names are those that, lower-cased with {@code -} and {@code _} removed, contain
 * {@code password}, {@code passwd}, {@code secret}, {@code token}, {@code apikey}, {@code authorization},
 * {@code cookie}, {@code credential}, {@code signature} or {@code privatekey}. Masking errs on the side of hiding:
 * a masked value that was not a secret costs little, a leaked secret costs a rotation. Masking is idempotent.
 */
public final class SecretMasker {

    /** What every secret becomes. */
    public static final String MASK = "****";

    private static final SecretMasker DEFAULT = new SecretMasker(List.of());

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key", "x-amz-security-token");
    private static final List<String> SECRET_HEADER_PARTS = List.of("token", "secret", "password", "api-key",
            "apikey", "authorization", "cookie", "credential", "signature");
    private static final Set<String> SECRET_PARAMS = Set.of("token", "access_token", "id_token", "refresh_token",
            "api_key", "apikey", "api-key", "key", "secret", "client_secret", "password", "passwd", "pwd",
            "signature", "sig", "x-amz-signature", "x-amz-credential", "x-amz-security-token", "code", "auth");
    private static final List<String> SECRET_NAME_PARTS = List.of("password", "passwd", "secret", "token",
            "apikey", "authorization", "cookie", "credential", "signature", "privatekey");

    private static final Set<String> AWS_SECRET_VARIABLES = Set.of("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_SECURITY_TOKEN");
    /** Shortest value of a variable picked by its name alone that is taken for a secret. */
    public static final int MIN_GUESSED_LENGTH = 8;

    private static final String NAME = "[A-Za-z0-9_.\\-]{1,80}";

    /** {@code "name": "value"} or {@code 'name': 'value'}; the closing quote may be missing (truncated text). */
    private static final Pattern QUOTED_FIELD = Pattern.compile(
            "([\"'])(" + NAME + ")\\1(\\s*[:=]\\s*)([\"'])((?:\\\\.|(?!\\4)[^\\\\])*)(\\4)?");
    /** The same inside a JSON string: {@code \"name\": \"value\"}. */
    private static final Pattern ESCAPED_FIELD = Pattern.compile(
            "(\\\\\")(" + NAME + ")\\\\\"(\\s*:\\s*)\\\\\"((?:(?!\\\\\").)*)(\\\\\")?");
    /** {@code name=value} or {@code name: value} outside quotes. */
    private static final Pattern BARE_FIELD = Pattern.compile(
            "(?<![A-Za-z0-9_.\\-])(" + NAME + ")(\\s*[=:]\\s*)(?![\\s\"'{\\[])([^\\s,;&\"'}\\]\\)]+)");
    /** {@code name="value"} or {@code name: 'value'}: an unquoted name with a quoted value (Python, shell, logfmt). */
    private static final Pattern BARE_QUOTED = Pattern.compile(
            "(?<![A-Za-z0-9_.\\-\"'])(" + NAME + ")(\\s*[=:]\\s*)([\"'])((?:\\\\.|(?!\\3)[^\\\\])*)(\\3)?");
    /** {@code "cookies": ["a=1", "b=2"]}: each string of an array under a secret name (closing bracket optional). */
    private static final Pattern QUOTED_ARRAY = Pattern.compile(
            "([\"'])(" + NAME + ")\\1(\\s*:\\s*)\\[([^\\]]*)");
    private static final Pattern STRING_LITERAL = Pattern.compile("([\"'])(?:\\\\.|(?!\\1)[^\\\\])*(\\1)?");
    private static final Pattern SCHEME_PREFIX = Pattern.compile("^(?i)(Bearer|Basic)\\s+");
    /** A header-style line: {@code X-Auth-Token: value} up to the end of the line. */
    private static final Pattern HEADER_LINE = Pattern.compile(
            "(?m)^(\\s*)([A-Za-z][A-Za-z0-9\\-]{0,80})(:[ \\t]*)(\\S[^\\r\\n]*)$");
    private static final Pattern AUTH_SCHEME = Pattern.compile(
            "(?i)\\b(Bearer|Basic)(\\s+)(?!\\*\\*\\*\\*)[A-Za-z0-9\\-._~+/]+=*");
    private static final Pattern SIGV4 = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=[^\\s\"']+(?:,\\s*SignedHeaders=[^\\s,\"']+)?"
                    + "(?:,\\s*Signature=[0-9a-fA-F]+)?");
    private static final Pattern URL_PARAM = Pattern.compile("([?&;#])(" + NAME + ")=([^&;#\\s\"'<>]*)");
    private static final Pattern USER_INFO = Pattern.compile("(://[^/\\s:@]+:)([^/\\s@]+)(@)");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])");
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");

    private final List<String> literals;

    private SecretMasker(List<String> literals) {
        this.literals = literals;
    }

    /** A masker with the built-in rules and no literal values. */
    public static SecretMasker defaults() {
        return DEFAULT;
    }

    /**
     * A masker that also hides these exact values (e.g. {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}, or
     * values the user marks secret), in addition to those this one already hides. Nulls and blanks are ignored.
     */
    public SecretMasker withLiterals(Collection<String> values) {
        Set<String> all = new LinkedHashSet<>(literals);
        if (values != null) {
            for (String value : values) {
                if (value == null || value.isBlank()) {
                    continue;
                }
                all.add(value);
                all.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
                all.add(jsonEscaped(value));
            }
        }
        List<String> sorted = new ArrayList<>(all);
        // Longest first, so a secret that contains another is hidden whole.
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretMasker(List.copyOf(sorted));
    }

    /** Convenience for {@link #withLiterals(Collection)}. */
    public SecretMasker withLiterals(String... values) {
        return withLiterals(values == null ? List.of() : java.util.Arrays.asList(values));
    }

    /**
     * A masker that also hides the secret values of an environment: always {@code AWS_SECRET_ACCESS_KEY},
     * {@code AWS_SESSION_TOKEN} and {@code AWS_SECURITY_TOKEN}; and any variable whose name looks like a secret
     * ({@link #isSecretName}, e.g. {@code GITHUB_TOKEN}, {@code DB_PASSWORD}) when its value has at least
     * {@value #MIN_GUESSED_LENGTH} characters, so that {@code MAX_TOKENS=5} does not mask every 5.
     */
    public SecretMasker withEnvironmentSecrets(Map<String, String> environment) {
        List<String> values = new ArrayList<>();
        if (environment != null) {
            environment.forEach((name, value) -> {
                if (value == null) {
                    return;
                }
                if (AWS_SECRET_VARIABLES.contains(name)
                        || (isSecretName(name) && value.strip().length() >= MIN_GUESSED_LENGTH)) {
                    values.add(value);
                }
            });
        }
        return withLiterals(values);
    }

    /** How many literal forms (value, URL-encoded, JSON-escaped) this masker hides. */
    public int literalCount() {
        return literals.size();
    }

    /** Whether a header's value is a secret by the header's name. */
    public static boolean isSecretHeader(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (SECRET_HEADERS.contains(lower)) {
            return true;
        }
        for (String part : SECRET_HEADER_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a query (or fragment) parameter's value is a secret by the parameter's name. */
    public static boolean isSecretParameter(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return SECRET_PARAMS.contains(lower) || isSecretName(lower);
    }

    /**
     * Whether a field name looks like it holds a secret: lower-cased and without {@code -}/{@code _}, it contains
     * password, passwd, secret, token, apikey, authorization, cookie, credential, signature or privatekey.
     */
    public static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        String squashed = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
        for (String part : SECRET_NAME_PARTS) {
            if (squashed.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** A copy of the headers, in the same order, with secret values masked. */
    public Map<String, String> maskHeaders(Map<String, String> headers) {
        Map<String, String> masked = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> masked.put(name, maskHeaderValue(name, value)));
        }
        return java.util.Collections.unmodifiableMap(masked);
    }

    /** A copy of multi-valued headers, in the same order, with secret values masked. */
    public Map<String, List<String>> maskHeaderLists(Map<String, List<String>> headers) {
        Map<String, List<String>> masked = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> masked.put(name, values == null ? List.of()
                    : values.stream().map(v -> maskHeaderValue(name, v)).toList()));
        }
        return java.util.Collections.unmodifiableMap(masked);
    }

    /** One header value: fully masked when the name is secret, else masked as free text. */
    public String maskHeaderValue(String name, String value) {
        if (value == null) {
            return null;
        }
        return isSecretHeader(name) ? MASK : maskText(value);
    }

    /**
     * A request path, absolute URL or {@code path?query#fragment}, with secret parameters, user-info passwords and
     * any secret in the free-text sense masked.
     */
    public String maskPath(String pathAndQuery) {
        return maskText(pathAndQuery);
    }

    /** Free text (a log line, a response excerpt, an error message) with every secret the rules know masked. */
    public String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String literal : literals) {
            out = out.replace(literal, MASK);
        }
        out = SIGV4.matcher(out).replaceAll(MASK);
        out = replace(AUTH_SCHEME, out, m -> m.group(1) + m.group(2) + MASK);
        out = replace(USER_INFO, out, m -> m.group(1) + MASK + m.group(3));
        out = replace(URL_PARAM, out, m -> isSecretParameter(m.group(2)) && !m.group(3).isEmpty()
                ? m.group(1) + m.group(2) + "=" + MASK : m.group());
        out = replace(ESCAPED_FIELD, out, m -> isSecretName(m.group(2))
                ? m.group(1) + m.group(2) + "\\\"" + m.group(3) + "\\\"" + MASK + (m.group(5) == null ? "" : m.group(5))
                : m.group());
        out = replace(QUOTED_FIELD, out, m -> isSecretName(m.group(2))
                ? m.group(1) + m.group(2) + m.group(1) + m.group(3) + m.group(4) + MASK
                        + (m.group(6) == null ? "" : m.group(6))
                : m.group());
        out = replace(QUOTED_ARRAY, out, m -> isSecretName(m.group(2))
                ? m.group(1) + m.group(2) + m.group(1) + m.group(3) + "[" + maskStrings(m.group(4)) : m.group());
        out = replace(BARE_QUOTED, out, m -> isSecretName(m.group(1))
                ? m.group(1) + m.group(2) + m.group(3) + MASK + (m.group(5) == null ? "" : m.group(5)) : m.group());
        out = replace(HEADER_LINE, out, m -> isSecretHeader(m.group(2)) && !isMasked(m.group(4))
                ? m.group(1) + m.group(2) + m.group(3) + maskHeaderLineValue(m.group(4)) : m.group());
        out = replace(BARE_FIELD, out, m -> isSecretName(m.group(1)) && !isSchemeWord(m.group(3))
                ? m.group(1) + m.group(2) + MASK : m.group());
        if (ACCESS_KEY_ID.matcher(out).find()) {
            out = ACCESS_KEY_ID.matcher(out).replaceAll(MASK);
            out = SECRET_KEY.matcher(out).replaceAll(MASK);
        }
        return out;
    }

    /** Each line masked as free text; {@code null} becomes an empty list. */
    public List<String> maskLines(List<String> lines) {
        if (lines == null) {
            return List.of();
        }
        return lines.stream().map(this::maskText).toList();
    }

    // A header line value keeps its auth scheme word (Bearer ****) when it already has one masked.
    private static String maskHeaderLineValue(String value) {
        Matcher scheme = SCHEME_PREFIX.matcher(value);
        return scheme.find() ? scheme.group() + MASK : MASK;
    }

    private static String maskStrings(String arrayBody) {
        return replace(STRING_LITERAL, arrayBody, m -> m.group(1) + MASK + (m.group(2) == null ? "" : m.group(2)));
    }

    private static boolean isMasked(String value) {
        return value.equals(MASK) || value.matches("(?i)(Bearer|Basic)\\s+\\*\\*\\*\\*");
    }

    // "Authorization: Bearer ****": the scheme word stays, AUTH_SCHEME already hid the credential after it.
    private static boolean isSchemeWord(String value) {
        return value.equalsIgnoreCase("Bearer") || value.equalsIgnoreCase("Basic");
    }

    private static String jsonEscaped(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '/' -> sb.append("\\/");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> fn) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder();
        boolean any = false;
        while (m.find()) {
            any = true;
            m.appendReplacement(sb, Matcher.quoteReplacement(fn.apply(m)));
        }
        if (!any) {
            return text;
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
