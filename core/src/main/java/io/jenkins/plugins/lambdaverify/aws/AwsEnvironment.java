package io.jenkins.plugins.lambdaverify.aws;

import java.util.Map;
import java.util.TreeMap;

/**
 * The part of a CI job's environment that decides how AWS is reached: its {@code AWS_*} variables (what
 * {@code withAWS}, the Jenkins {@code aws} binding or a CI's secrets put there), the only ones worth passing to where
 * the verification runs, for {@link AwsSettings#environment()}.
 */
public final class AwsEnvironment {
    private AwsEnvironment() {}

    /**
     * The {@code AWS_*} variables of {@code env}, sorted by name. A front end's default region (Jenkins' global
     * configuration) joins as {@code AWS_REGION} when the environment names no region, so it comes last: after an
     * explicit region, the config file and the environment's own region.
     *
     * @param env           the job's environment; entries with a {@code null} value are left out
     * @param defaultRegion the region to use when the environment names none, or {@code null}
     */
    public static Map<String, String> awsVariables(Map<String, String> env, String defaultRegion) {
        Map<String, String> aws = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name != null && name.startsWith("AWS_") && value != null) {
                aws.put(name, value);
            }
        });
        // Blank counts as unset, as AwsClientFactory reads it: an empty AWS_REGION must not hide the default.
        if (defaultRegion != null && !defaultRegion.isBlank()
                && isBlank(aws.get("AWS_REGION")) && isBlank(aws.get("AWS_DEFAULT_REGION"))) {
            aws.put("AWS_REGION", defaultRegion.trim());
        }
        return aws;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
