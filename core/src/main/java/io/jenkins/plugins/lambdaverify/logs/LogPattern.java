package io.jenkins.plugins.lambdaverify.logs;

import io.jenkins.plugins.lambdaverify.spec.LogPatternSpec;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A named pattern found anywhere in a log event.
 *
 * @param name      shown in reports
 * @param regex     the compiled pattern
 * @param threshold events allowed before it fails the run (0: any match fails)
 */
public record LogPattern(String name, Pattern regex, long threshold) {

    public static LogPattern of(String name, String regex) {
        return new LogPattern(name, Pattern.compile(regex), 0);
    }

    /** A user pattern; a bad regex is a one-line message naming it. */
    public static LogPattern from(LogPatternSpec spec) {
        String name = spec.name() != null && !spec.name().isBlank() ? spec.name() : spec.regex();
        try {
            return new LogPattern(name, Pattern.compile(spec.regex()), Math.max(0, spec.threshold()));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("log pattern '" + name + "': invalid regex '" + spec.regex() + "': "
                    + e.getDescription());
        }
    }

    boolean matches(CharSequence text) {
        return regex.matcher(text).find();
    }
}
