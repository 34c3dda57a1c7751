package io.jenkins.plugins.lambdaverify.rollback;

import io.jenkins.plugins.lambdaverify.spec.RollbackSpec;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@code sam deploy} argument list that redeploys a previous packaged template. */
public final class SamDeployCommand {
    private SamDeployCommand() {
    }

    /**
     * @param sam          the settings
     * @param templateFile the previous packaged template (from the settings or the previous report)
     * @param stackName    the stack (from the settings or the target)
     * @param region       the region, or {@code null}
     */
    public static List<String> build(RollbackSpec.Sam sam, String templateFile, String stackName, String region) {
        List<String> args = new ArrayList<>(List.of("sam", "deploy", "--template-file", templateFile,
                "--stack-name", stackName, "--no-fail-on-empty-changeset", "--no-confirm-changeset"));
        if (region != null) {
            args.addAll(List.of("--region", region));
        }
        if (sam != null) {
            if (!sam.capabilities().isEmpty()) {
                args.add("--capabilities");
                args.addAll(sam.capabilities());
            }
            if (!sam.parameterOverrides().isEmpty()) {
                args.add("--parameter-overrides");
                sam.parameterOverrides().forEach((k, v) -> args.add(k + "=" + v));
            }
            if (sam.s3Bucket() != null) {
                args.addAll(List.of("--s3-bucket", sam.s3Bucket()));
            }
            args.addAll(sam.extraArgs());
        }
        return args;
    }
}
