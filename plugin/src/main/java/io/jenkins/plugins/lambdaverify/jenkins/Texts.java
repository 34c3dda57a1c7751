package io.jenkins.plugins.lambdaverify.jenkins;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jvnet.localizer.LocaleProvider;

/**
 * Reads {@code Messages.properties} of this package in the current user's locale. A small hand-written accessor instead
 * of the localizer-generated {@code Messages} class, so the code also compiles where the localizer does not run.
 */
final class Texts {
    private static final String BUNDLE = "io.jenkins.plugins.lambdaverify.jenkins.Messages";

    private Texts() {}

    static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, LocaleProvider.getLocale(), Texts.class.getClassLoader())
                    .getString(key);
        } catch (MissingResourceException e) {
            pattern = key; // a missing text must never break a build
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, LocaleProvider.getLocale()).format(args);
    }
}
