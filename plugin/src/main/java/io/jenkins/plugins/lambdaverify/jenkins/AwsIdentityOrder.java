package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;
import java.util.Map;

/**
 * Which AWS identity a verification uses, in the order docs/jenkins.md gives: the step's {@code credentialsId}, then
 * an identity named by the step's environment ({@code withAWS}, the {@code aws} binding, {@code withEnv}), then the
 * global default credentials, then (remote agents only, when allowed) the agent's own identity. The global default
 * never overrides the environment: it may belong to another account than the one {@code withAWS} chose.
 *
 * <p>Plain Java (no Jenkins types), so the order is tested on its own.
 */
final class AwsIdentityOrder {
    /**
     * Variables that name an identity: keys, a profile, a web identity token (EKS IRSA) or a container credentials
     * endpoint (ECS, EKS Pod Identity). Region, endpoint and the like do not.
     */
    static final List<String> IDENTITY_VARIABLES = List.of(
            "AWS_ACCESS_KEY_ID",
            "AWS_PROFILE",
            "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI");

    /** Where the identity comes from. */
    enum Source {
        CREDENTIALS_ID,
        ENVIRONMENT,
        GLOBAL_DEFAULT,
        /** The agent's own identity (a remote agent, allowed by the global configuration). */
        AGENT,
        /** Nothing usable: core stops the run with a one-line message. */
        NONE
    }

    /**
     * @param source        where the identity comes from
     * @param credentialsId the Jenkins credential to resolve (CREDENTIALS_ID, GLOBAL_DEFAULT), else {@code null}
     * @param variable      the environment variable that names the identity (ENVIRONMENT), else {@code null}
     */
    record Choice(
            Source source,
            @CheckForNull String credentialsId,
            @CheckForNull String variable) {}

    private AwsIdentityOrder() {}

    /**
     * @param stepCredentialsId the step's credentialsId, or {@code null}/blank
     * @param environment       the step's environment (only its AWS_* variables matter)
     * @param globalDefault     the global default credentialsId, or {@code null}/blank
     * @param agentIdentity     whether the agent's own identity may be used (a remote agent, allowed globally)
     */
    static Choice choose(
            @CheckForNull String stepCredentialsId,
            Map<String, String> environment,
            @CheckForNull String globalDefault,
            boolean agentIdentity) {
        if (!isBlank(stepCredentialsId)) {
            return new Choice(Source.CREDENTIALS_ID, stepCredentialsId.trim(), null);
        }
        String variable = identityVariable(environment, agentIdentity);
        if (variable != null) {
            return new Choice(Source.ENVIRONMENT, null, variable);
        }
        if (!isBlank(globalDefault)) {
            return new Choice(Source.GLOBAL_DEFAULT, globalDefault.trim(), null);
        }
        return new Choice(agentIdentity ? Source.AGENT : Source.NONE, null, null);
    }

    /**
     * The first variable of {@code environment} that names an identity lambda-verify can sign with. Keys and a
     * profile always count (core reads them from the variables). A web identity token or a container endpoint is
     * read only by the SDK's default chain, i.e. as the agent's own identity: it counts only where that may be used,
     * and is ignored elsewhere (on the built-in node it is the controller's own identity).
     */
    @CheckForNull
    static String identityVariable(Map<String, String> environment, boolean agentIdentity) {
        for (String name : IDENTITY_VARIABLES) {
            boolean readByCore = name.equals("AWS_ACCESS_KEY_ID") || name.equals("AWS_PROFILE");
            if ((readByCore || agentIdentity) && !isBlank(environment.get(name))) {
                return name;
            }
        }
        return null;
    }

    private static boolean isBlank(@CheckForNull String value) {
        return value == null || value.isBlank();
    }
}
