package io.jenkins.plugins.lambdaverify.spec;

import java.util.regex.Pattern;

/**
 * An expectation on one response header (name compared case-insensitively). Exactly one of
 * {@code equalTo}, {@code matches} or {@code present} is meaningful.
 */
public record HeaderExpectation(String name, String equalTo, Pattern matches, Boolean present) {
    public String describe() {
        if (equalTo != null) {
            return "header " + name + " = " + equalTo;
        }
        if (matches != null) {
            return "header " + name + " ~ /" + matches.pattern() + "/";
        }
        return Boolean.FALSE.equals(present) ? "no header " + name : "header " + name + " present";
    }
}
