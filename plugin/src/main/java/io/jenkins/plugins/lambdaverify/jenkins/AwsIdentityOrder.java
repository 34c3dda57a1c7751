package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which AWS identity a verification uses, in the order docs/jenkins.md gives: the step's {@code credentialsId}, then
 * an identity the step's environment names ({@code withAWS}, the {@code aws} binding, {@code withEnv}: variables that
 * differ from the node's own environment), then the global default credentials, then (remote agents only, when
 * allowed) the agent's own identity, which includes the node's own AWS variables. The global default never overrides
 * the step's environment: it may belong to another account than the one {@code withAWS} chose.
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

    /** Variables that carry keys: they travel (or not) together with {@code AWS_ACCESS_KEY_ID}. */
    private static final List<String> KEY_VARIABLES =
            List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

    /**
     * Variables only the process's own identity reads (the SDK's default chain, or its profile files): a profile can
     * hold {@code credential_source}, {@code web_identity_token_file} or {@code credential_process}, i.e. the machine's
     * identity, so {@code AWS_PROFILE} is one of them.
     */
    private static final List<String> OWN_IDENTITY_VARIABLES = List.of(
            "AWS_PROFILE",
            "AWS_CONFIG_FILE",
            "AWS_SHARED_CREDENTIALS_FILE",
            "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_ROLE_ARN",
            "AWS_ROLE_SESSION_NAME",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");

    /**
     * @param stepCredentialsId the step's credentialsId, or {@code null}/blank
     * @param environment       the step's environment (only its AWS_* variables matter)
     * @param nodeEnvironment   the node's own environment (its process's variables and node properties): a variable
     *                          with the same value there was not set by the step, it is the node's own identity
     * @param globalDefault     the global default credentialsId, or {@code null}/blank
     * @param agentIdentity     whether the agent's own identity may be used (a remote agent, allowed globally)
     */
    static Choice choose(
            @CheckForNull String stepCredentialsId,
            Map<String, String> environment,
            Map<String, String> nodeEnvironment,
            @CheckForNull String globalDefault,
            boolean agentIdentity) {
        if (!isBlank(stepCredentialsId)) {
            return new Choice(Source.CREDENTIALS_ID, stepCredentialsId.trim(), null);
        }
        String variable = identityVariable(environment, nodeEnvironment, agentIdentity);
        if (variable != null) {
            return new Choice(Source.ENVIRONMENT, null, variable);
        }
        if (!isBlank(globalDefault)) {
            return new Choice(Source.GLOBAL_DEFAULT, globalDefault.trim(), null);
        }
        return new Choice(agentIdentity ? Source.AGENT : Source.NONE, null, null);
    }

    /**
     * The first variable the step set (not the node's own) that names an identity lambda-verify can sign with. Keys
     * always count (core reads them from the variables). A profile, a web identity token or a container endpoint is
     * the machine's own identity (read from its files or by the SDK's default chain): it counts only where that may
     * be used, and is ignored elsewhere (on the built-in node it is the controller's own identity).
     */
    @CheckForNull
    static String identityVariable(
            Map<String, String> environment, Map<String, String> nodeEnvironment, boolean agentIdentity) {
        for (String name : IDENTITY_VARIABLES) {
            boolean readByCore = name.equals("AWS_ACCESS_KEY_ID");
            if ((readByCore || agentIdentity) && setByStep(environment, nodeEnvironment, name)) {
                return name;
            }
        }
        return null;
    }

    /**
     * The AWS variables the agent gets. Where the agent's own identity may not be used, the node's own keys and every
     * variable that leads to the machine's identity (a profile and its files, a web identity, a container endpoint)
     * stay behind: core would sign with them. Elsewhere all travel (the node's own keys are then the agent's identity,
     * after the global default, which core prefers as explicit credentials).
     */
    static Map<String, String> forwarded(
            Map<String, String> awsVariables, Map<String, String> nodeEnvironment, boolean agentIdentity) {
        Map<String, String> out = new TreeMap<>(awsVariables);
        if (agentIdentity) {
            return out;
        }
        if (!setByStep(awsVariables, nodeEnvironment, "AWS_ACCESS_KEY_ID")) {
            KEY_VARIABLES.forEach(out::remove);
        }
        OWN_IDENTITY_VARIABLES.forEach(out::remove);
        return out;
    }

    /** Whether {@code name} has a value the node's own environment does not give it (withAWS, a binding, withEnv). */
    static boolean setByStep(Map<String, String> environment, Map<String, String> nodeEnvironment, String name) {
        String value = environment.get(name);
        return !isBlank(value) && !value.equals(nodeEnvironment.get(name));
    }

    /**
     * Why a config file's {@code target.profile} may not be used here, or {@code null} when it may: a profile is read
     * from the machine's own {@code ~/.aws}, which is the agent's own identity (the controller's on the built-in
     * node), so it follows the same switch as the SDK's default chain.
     */
    @CheckForNull
    static String profileRefusal(@CheckForNull String profile, boolean agentIdentityAllowed) {
        if (isBlank(profile) || agentIdentityAllowed) {
            return null;
        }
        return "target.profile '" + profile + "' would read the agent machine's own ~/.aws, and agents may not use"
                + " their own AWS identity here (never on the built-in node; on other agents only with 'Let agents"
                + " use their own AWS identity'): remove it and use credentialsId, withAWS or the global default"
                + " credentials";
    }

    private static boolean isBlank(@CheckForNull String value) {
        return value == null || value.isBlank();
    }
}
