package io.jenkins.plugins.lambdaverify.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to do when verification fails.
 *
 * @param strategy        none, alias, sam or command
 * @param previousVersion alias strategy: the version to go back to (else from the alias's weighted routing, or the
 *                        previous successful run's report)
 * @param previousReport  path of the previous successful run's JSON report (its version or packaged template)
 * @param dryRun          print exactly what would be done, change nothing
 * @param reverify        run the phases again against the rolled-back version (default true)
 * @param timeout         for {@code sam deploy} or the command (default 30 minutes)
 * @param sam             sam strategy settings
 * @param command         command strategy: program and arguments, no shell
 */
public record RollbackSpec(Strategy strategy, String previousVersion, String previousReport, boolean dryRun,
                           boolean reverify, Duration timeout, Sam sam, List<String> command) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public RollbackSpec {
        command = command == null ? List.of() : List.copyOf(command);
    }

    public static RollbackSpec none() {
        return new RollbackSpec(Strategy.NONE, null, null, false, true, DEFAULT_TIMEOUT, null, List.of());
    }

    public enum Strategy {
        NONE("none"), ALIAS("alias"), SAM("sam"), COMMAND("command");

        private final String id;

        Strategy(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Strategy fromId(String id) {
            for (Strategy s : values()) {
                if (s.id.equalsIgnoreCase(id)) {
                    return s;
                }
            }
            return null;
        }
    }

    /**
     * {@code sam deploy} of the previous deployment's packaged template.
     *
     * @param templateFile       the previous packaged template (path or s3:// URL)
     * @param stackName          the stack (default: target.stack)
     * @param region             region (default: the target's)
     * @param capabilities       e.g. CAPABILITY_IAM
     * @param parameterOverrides the stack parameters
     * @param s3Bucket           artifact bucket, when the template needs one
     * @param extraArgs          more arguments passed through as they are
     */
    public record Sam(String templateFile, String stackName, String region, List<String> capabilities,
                      Map<String, String> parameterOverrides, String s3Bucket, List<String> extraArgs) {
        public Sam {
            capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
            parameterOverrides = parameterOverrides == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameterOverrides));
            extraArgs = extraArgs == null ? List.of() : List.copyOf(extraArgs);
        }
    }
}
