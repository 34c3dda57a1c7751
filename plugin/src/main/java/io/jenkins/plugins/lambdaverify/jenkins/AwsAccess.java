package io.jenkins.plugins.lambdaverify.jenkins;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.ProxyConfiguration;
import hudson.Util;
import hudson.model.Computer;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.Secret;
import io.jenkins.plugins.lambdaverify.aws.AwsEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import jenkins.model.Jenkins;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * Resolves, on the controller, how the agent will reach AWS, in the order of {@link AwsIdentityOrder}: a Jenkins
 * credentialsId, the step's environment ({@code withAWS}, the {@code aws} binding, {@code withEnv}; not the node's own
 * variables), the global default, a remote agent's own identity; never the controller's own identity.
 */
final class AwsAccess {
    private AwsAccess() {}

    /**
     * @param log receives one line naming where the identity comes from (never a key)
     * @throws AbortException when a named credential is missing or cannot be resolved
     */
    static AgentAws resolve(
            @CheckForNull String credentialsId, Run<?, ?> run, EnvVars env, FilePath workspace, PrintStream log)
            throws IOException, InterruptedException {
        LambdaVerifyGlobalConfiguration global = LambdaVerifyGlobalConfiguration.get();
        boolean agentIdentity = global.isAllowAgentIdentity() && workspace.isRemote();
        EnvVars nodeEnv = nodeEnvironment(workspace);
        AwsIdentityOrder.Choice choice =
                AwsIdentityOrder.choose(credentialsId, env, nodeEnv, global.getDefaultCredentialsId(), agentIdentity);
        AgentAws.Keys keys = choice.credentialsId() == null ? null : resolveCredentials(choice.credentialsId(), run);
        log.println(describe(choice));
        if (!agentIdentity && AwsIdentityOrder.setByStep(env, nodeEnv, "AWS_PROFILE")) {
            log.println(Texts.get("Identity.profileIgnored"));
        }
        return new AgentAws(
                // only these cross to the agent, and never the node's own identity where it may not be used
                AwsIdentityOrder.forwarded(
                        AwsEnvironment.awsVariables(env, global.getDefaultRegion()), nodeEnv, agentIdentity),
                keys,
                proxy(),
                agentIdentity);
    }

    /**
     * The environment the node gives every build, which the step did not choose: its process's variables
     * (on the built-in node the controller's) and those of the global and the node's node properties.
     */
    private static EnvVars nodeEnvironment(FilePath workspace) throws IOException, InterruptedException {
        Computer computer = workspace.toComputer();
        EnvVars env = computer != null
                ? computer.getEnvironment() // cached per computer
                : EnvVars.getRemote(workspace.getChannel()); // the process environment of the JVM holding it
        if (computer != null) {
            env.putAll(computer.buildEnvironment(TaskListener.NULL));
        }
        return env;
    }

    private static String describe(AwsIdentityOrder.Choice choice) {
        return switch (choice.source()) {
            case CREDENTIALS_ID -> Texts.get("Identity.credentialsId", choice.credentialsId());
            case ENVIRONMENT -> Texts.get("Identity.environment", choice.variable());
            case GLOBAL_DEFAULT -> Texts.get("Identity.globalDefault", choice.credentialsId());
            case AGENT -> Texts.get("Identity.agent");
            case NONE -> Texts.get("Identity.none");
        };
    }

    private static AgentAws.Keys resolveCredentials(String id, Run<?, ?> run) throws AbortException {
        AmazonWebServicesCredentials credentials =
                CredentialsProvider.findCredentialById(id, AmazonWebServicesCredentials.class, run);
        if (credentials == null) {
            throw new AbortException(Texts.get("Credentials.notFound", id));
        }
        CredentialsProvider.track(run, credentials);
        AwsCredentials resolved;
        try {
            // Role assumption happens here, on the controller; only the session keys travel to the agent.
            resolved = credentials.resolveCredentials();
        } catch (RuntimeException e) { // SdkException, or the SDK refusing a half-filled key pair
            throw new AbortException(Texts.get("Credentials.unresolvable", id, e.getMessage()));
        }
        if (resolved == null) {
            // aws-credentials returns null for an entry without keys or role: it stands for the controller's identity.
            throw new AbortException(Texts.get("Credentials.noKeys", id));
        }
        return AgentAws.Keys.of(resolved);
    }

    @CheckForNull
    private static AgentAws.Proxy proxy() {
        ProxyConfiguration proxy = Jenkins.get().getProxy();
        if (proxy == null || Util.fixEmptyAndTrim(proxy.getName()) == null) {
            return null;
        }
        Secret password = proxy.getSecretPassword();
        List<String> noProxy = proxy.getNoProxyHost() == null
                ? List.of()
                : Arrays.stream(proxy.getNoProxyHost().split("[\\s,;|]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        return new AgentAws.Proxy(
                proxy.getName(),
                proxy.getPort(),
                Util.fixEmptyAndTrim(proxy.getUserName()),
                password == null ? null : Util.fixEmpty(password.getPlainText()),
                noProxy);
    }
}
