package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Util;
import java.util.List;
import java.util.Locale;

/** The rollback strategies a step parameter may name (the config file may say more: command, options). */
final class RollbackStrategies {
    static final List<String> ALL = List.of("none", "alias", "sam");

    private RollbackStrategies() {}

    @CheckForNull
    static String parse(@CheckForNull String value) throws AbortException {
        String strategy = Util.fixEmptyAndTrim(value);
        if (strategy == null) {
            return null;
        }
        strategy = strategy.toLowerCase(Locale.ROOT);
        if (!ALL.contains(strategy)) {
            throw new AbortException(Texts.get("Rollback.invalid", value, String.join(", ", ALL)));
        }
        return strategy;
    }
}
