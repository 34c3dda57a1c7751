package io.jenkins.plugins.lambdaverify.logs;

import java.util.regex.Pattern;

/** Masks secrets in log lines before they reach a report: functions do log headers and tokens. */
public final class LogLineMasker {
    private static final String MASK = "****";
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)(\"?\\b(?:authorization|proxy-authorization|cookie|set-cookie|x-api-key|api[_-]?key|access[_-]?token"
                    + "|refresh[_-]?token|id[_-]?token|token|password|passwd|secret|client[_-]?secret"
                    + "|aws_secret_access_key|aws_session_token|x-amz-security-token)\\b\"?\\s*[:=]\\s*\"?)"
                    + "((?:Bearer |Basic )?[^\\s\"',;&}]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern ACCESS_KEY = Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private LogLineMasker() {
    }

    public static String mask(String line) {
        String s = KEY_VALUE.matcher(line).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + MASK));
        s = BEARER.matcher(s).replaceAll("$1 " + MASK);
        s = ACCESS_KEY.matcher(s).replaceAll(MASK);
        return JWT.matcher(s).replaceAll(MASK);
    }
}
