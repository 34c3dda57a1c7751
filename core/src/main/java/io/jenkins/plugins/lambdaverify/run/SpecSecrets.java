package io.jenkins.plugins.lambdaverify.run;

import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import io.jenkins.plugins.lambdaverify.spec.CheckSpec;
import io.jenkins.plugins.lambdaverify.spec.PhaseSpec;
import io.jenkins.plugins.lambdaverify.spec.RequestSpec;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The secret values a spec itself holds: what its checks send in secret headers (Authorization, Cookie, X-Api-Key,
 * any token-like name) and secret query parameters. The masking rules only recognise a secret by its name next to
 * it; a function that echoes one back in prose ("cookie was session=...") would leak it, so these exact values are
 * masked wherever they appear.
 */
public final class SpecSecrets {
    /** Shorter values (a dummy "invalid" token) would mask ordinary words all over the reports. */
    static final int MIN_LENGTH = SecretMasker.MIN_GUESSED_LENGTH;
    private static final Pattern SCHEME = Pattern.compile("(?i)^(Bearer|Basic|Token)\\s+");

    private SpecSecrets() {
    }

    public static Set<String> of(VerifySpec spec) {
        Set<String> values = new LinkedHashSet<>();
        for (PhaseSpec phase : spec.phases()) {
            for (CheckSpec check : phase.checks()) {
                add(check.request(), values);
            }
        }
        return values;
    }

    private static void add(RequestSpec request, Set<String> values) {
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            if (SecretMasker.isSecretHeader(h.getKey())) {
                h.getValue().forEach(v -> headerValue(v, values));
            }
        }
        for (Map.Entry<String, List<String>> q : request.query().entrySet()) {
            if (SecretMasker.isSecretParameter(q.getKey())) {
                q.getValue().forEach(v -> keep(v, values));
            }
        }
        String path = request.path();
        int question = path == null ? -1 : path.indexOf('?');
        if (question >= 0) {
            for (String pair : path.substring(question + 1).split("[&;]")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && SecretMasker.isSecretParameter(pair.substring(0, eq))) {
                    keep(pair.substring(eq + 1), values);
                }
            }
        }
    }

    /** The whole value, the credential after an auth scheme, and each cookie's value. */
    private static void headerValue(String value, Set<String> values) {
        keep(value, values);
        keep(SCHEME.matcher(value).replaceFirst(""), values);
        for (String cookie : value.split(";")) {
            int eq = cookie.indexOf('=');
            if (eq > 0) {
                keep(cookie.substring(eq + 1), values);
            }
        }
    }

    private static void keep(String value, Set<String> values) {
        String v = value == null ? "" : value.strip();
        if (v.length() >= MIN_LENGTH && !v.contains(SecretMasker.MASK)) {
            values.add(v);
        }
    }
}
