package io.jenkins.plugins.lambdaverify.secret;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that knows what a secret looks like: every masking path (reports through
 * {@code report.SecretMasker}, log lines through {@code logs.LogScanner}) applies these rules, so a secret is
 * masked the same wherever it is seen. Pure and thread-safe.
 *
 * <p>What it masks (each becomes {@value #MASK}):
 * <ul>
 *   <li><b>Header values</b> ({@link #isSecretHeader}; {@code SecretMasker.maskHeaders}) of
 *       {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, {@code X-Api-Key},
 *       {@code X-Amz-Security-Token}, and of any header whose name contains {@code token}, {@code secret},
 *       {@code password}, {@code api-key}/{@code apikey}, {@code authorization}, {@code cookie}, {@code credential}
 *       or {@code signature} (case-insensitive). Other header values get the free-text rules below.</li>
 *   <li><b>Query and fragment parameters</b> (in URLs and paths anywhere in the text) named {@code token},
 *       {@code access_token}, {@code id_token}, {@code refresh_token}, {@code api_key}, {@code apikey}, {@code key},
 *       {@code secret}, {@code client_secret}, {@code password}, {@code signature}, {@code sig},
 *       {@code X-Amz-Signature}, {@code X-Amz-Credential}, {@code X-Amz-Security-Token}, {@code code}, or any name
 *       that looks like a secret (see {@link #isSecretName}); and the password of {@code user:password@host}.</li>
 *   <li><b>Free text</b> ({@link #mask}): {@code Bearer xxx}, {@code Basic xxx} and
 *       {@code AWS4-HMAC-SHA256 ...} credentials; header-style lines such as
 *       {@code X-Auth-Token: xxx}; {@code name=value} / {@code name: value} pairs whose name looks like a secret
 *       ({@code password=hunter2}, {@code password="hunter2"}); JSON and Python-dict string fields whose name
 *       looks like a secret
 *       ({@code "password": "..."}, {@code "accessToken": "..."}, {@code 'apiKey': '...'}, and the escaped form
 *       {@code \"token\": \"...\"} of JSON inside a JSON string), including a value cut off by truncation, and
 *       every string of an array under such a name ({@code "cookies": ["session=..."]});
 *       AWS access key ids ({@code AKIA}/{@code ASIA} + 16 characters) and, in text that holds one, every
 *       40-character secret-key-shaped token; JSON Web Tokens ({@code eyJ...}.{@code ...}.{@code ...}) anywhere.</li>
 * </ul>
 * Values known to be secret by their content rather than their shape (an environment's
 * {@code AWS_SECRET_ACCESS_KEY}, a token from the config) are added on top by {@code report.SecretMasker}.
 * Secret-looking names are those that, lower-cased with {@code -} and {@code _} removed, contain
 * {@code password}, {@code passwd}, {@code secret}, {@code token}, {@code apikey}, {@code authorization},
 * {@code cookie}, {@code credential}, {@code signature} or {@code privatekey}. Masking errs on the side of hiding:
 * a masked value that was not a secret costs little, a leaked secret costs a rotation. Masking is idempotent.
 */
public final class SecretRules {

    /** What every secret becomes. */
    public static final String MASK = "****";

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key", "x-amz-security-token");
    private static final List<String> SECRET_HEADER_PARTS = List.of("token", "secret", "password", "api-key",
            "apikey", "authorization", "cookie", "credential", "signature");
    private static final Set<String> SECRET_PARAMS = Set.of("token", "access_token", "id_token", "refresh_token",
            "api_key", "apikey", "api-key", "key", "secret", "client_secret", "password", "passwd", "pwd",
            "signature", "sig", "x-amz-signature", "x-amz-credential", "x-amz-security-token", "code", "auth");
    private static final List<String> SECRET_NAME_PARTS = List.of("password", "passwd", "secret", "token",
            "apikey", "authorization", "cookie", "credential", "signature", "privatekey");

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
    /** A JSON Web Token: three base64url parts, the first a JSON header ({@code eyJ} is {@code {"}). */
    private static final Pattern JWT = Pattern.compile(
            "(?<![A-Za-z0-9_\\-])eyJ[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]*");

    private SecretRules() {
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

    /** Free text (a log line, a response excerpt, an error message) with every secret these rules know masked. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
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
        return JWT.matcher(out).replaceAll(MASK);
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
