package io.jenkins.plugins.lambdaverify.cli;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Dummy keys for the CLI's default credential chain (system properties come first in it), restored afterwards so
 * no other test sees them.
 */
final class DummyAwsCredentials implements BeforeEachCallback, AfterEachCallback {
    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String[] KEYS = {"aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken"};
    private final Map<String, String> saved = new HashMap<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        for (String k : KEYS) {
            saved.put(k, System.getProperty(k));
        }
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        System.clearProperty("aws.sessionToken");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (String k : KEYS) {
            String v = saved.get(k);
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        }
    }
}
