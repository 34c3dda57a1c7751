package io.jenkins.plugins.lambdaverify.spec;

/**
 * A user log pattern.
 *
 * @param name      shown in reports (defaults to the regex)
 * @param regex     Java regex, found anywhere in a line
 * @param threshold matches allowed before it fails the run (default 0)
 */
public record LogPatternSpec(String name, String regex, long threshold) {
}
