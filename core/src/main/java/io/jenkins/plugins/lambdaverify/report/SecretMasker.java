package io.jenkins.plugins.lambdaverify.report;

import io.jenkins.plugins.lambdaverify.secret.SecretRules;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces secrets with {@value #MASK} before anything reaches a log, console or report. Pure, immutable and
 * thread-safe: {@link #withLiterals} returns a new masker.
 *
 * <p>What it masks: everything {@link SecretRules} knows by its shape (header values, query parameters, credentials
 * and secret-named fields in free text, AWS keys, JSON Web Tokens: its javadoc lists each rule), the same rules the
 * log scan applies to log lines; and on top, <b>literal values</b> given by the front end ({@link #withLiterals}),
 * e.g. the values of {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN} or credentials the user marks,
 * wherever they occur, also in their URL-encoded and JSON-escaped forms. Blank literals are ignored.
 * {@link #withEnvironmentSecrets} picks them from an environment. Masking is idempotent.
 */
public final class SecretMasker {

    /** What every secret becomes. */
    public static final String MASK = SecretRules.MASK;

    private static final SecretMasker DEFAULT = new SecretMasker(List.of());

    private static final Set<String> AWS_SECRET_VARIABLES = Set.of("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_SECURITY_TOKEN");
    /** Shortest value of a variable picked by its name alone that is taken for a secret. */
    public static final int MIN_GUESSED_LENGTH = 8;

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

    /** Whether a header's value is a secret by the header's name ({@link SecretRules#isSecretHeader}). */
    public static boolean isSecretHeader(String name) {
        return SecretRules.isSecretHeader(name);
    }

    /** Whether a query or fragment parameter's value is secret by its name ({@link SecretRules#isSecretParameter}). */
    public static boolean isSecretParameter(String name) {
        return SecretRules.isSecretParameter(name);
    }

    /** Whether a field name looks like it holds a secret ({@link SecretRules#isSecretName}). */
    public static boolean isSecretName(String name) {
        return SecretRules.isSecretName(name);
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

    /** Free text (a log line, a response excerpt, an error message): the literals, then the {@link SecretRules}. */
    public String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String literal : literals) {
            out = out.replace(literal, MASK);
        }
        return SecretRules.mask(out);
    }

    /** Each line masked as free text; {@code null} becomes an empty list. */
    public List<String> maskLines(List<String> lines) {
        if (lines == null) {
            return List.of();
        }
        return lines.stream().map(this::maskText).toList();
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
}
