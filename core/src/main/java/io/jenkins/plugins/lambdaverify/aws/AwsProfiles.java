package io.jenkins.plugins.lambdaverify.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.profiles.ProfileFile;

/** Reads the shared config and credentials files at the locations the run's environment names. */
final class AwsProfiles {
    private AwsProfiles() {
    }

    /** The aggregated profile file: AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE from {@code env}, else ~/.aws. */
    static ProfileFile load(Map<String, String> env) {
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        // credentials first: the SDK gives the credentials file precedence over the config file
        addIfPresent(aggregator, location(env, "AWS_SHARED_CREDENTIALS_FILE", "credentials"), ProfileFile.Type.CREDENTIALS);
        addIfPresent(aggregator, location(env, "AWS_CONFIG_FILE", "config"), ProfileFile.Type.CONFIGURATION);
        return aggregator.build();
    }

    static ProfileFile empty() {
        return ProfileFile.aggregator().build();
    }

    static String describeLocations(Map<String, String> env) {
        return location(env, "AWS_CONFIG_FILE", "config") + " or " + location(env, "AWS_SHARED_CREDENTIALS_FILE", "credentials");
    }

    private static Path location(Map<String, String> env, String variable, String defaultName) {
        String configured = env.get(variable);
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        if (configured != null && !configured.isBlank()) {
            String value = configured.trim();
            return Path.of(value.startsWith("~/") ? home + value.substring(1) : value);
        }
        return Path.of(home, ".aws", defaultName);
    }

    private static void addIfPresent(ProfileFile.Aggregator aggregator, Path path, ProfileFile.Type type) {
        if (Files.isRegularFile(path)) {
            aggregator.addFile(ProfileFile.builder().content(path).type(type).build());
        }
    }
}
