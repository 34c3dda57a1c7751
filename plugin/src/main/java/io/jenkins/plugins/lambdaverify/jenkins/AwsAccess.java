package io.jenkins.plugins.lambdaverify.jenkins;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.ProxyConfiguration;
import hudson.Util;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.lambdaverify.aws.AwsEnvironment;
import java.util.Arrays;
import java.util.List;
import jenkins.model.Jenkins;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Resolves, on the controller, how the agent will reach AWS. Credentials come from the step's environment
 * ({@code withAWS}, the {@code aws} binding) or a Jenkins credentialsId, never from the controller's own identity.
 */
final class AwsAccess {
    private AwsAccess() {}

    static AgentAws resolve(@CheckForNull String credentialsId, Run<?, ?> run, EnvVars env, FilePath workspace)
            throws AbortException {
        LambdaVerifyGlobalConfiguration global = LambdaVerifyGlobalConfiguration.get();
        String id = Util.fixEmptyAndTrim(credentialsId);
        if (id == null) {
            id = global.getDefaultCredentialsId();
        }
        AgentAws.Keys keys = id == null ? null : resolveCredentials(id, run);
        return new AgentAws(
                AwsEnvironment.awsVariables(env, global.getDefaultRegion()), // only these cross to the agent
                keys,
                proxy(),
                global.isAllowAgentIdentity() && workspace.isRemote());
    }

    private static AgentAws.Keys resolveCredentials(String id, Run<?, ?> run) throws AbortException {
        AmazonWebServicesCredentials credentials =
                CredentialsProvider.findCredentialById(id, AmazonWebServicesCredentials.class, run);
        if (credentials == null) {
            throw new AbortException(Texts.get("Credentials.notFound", id));
        }
        CredentialsProvider.track(run, credentials);
        try {
            // Role assumption happens here, on the controller; only the session keys travel to the agent.
            AwsCredentials resolved = credentials.resolveCredentials();
            return AgentAws.Keys.of(resolved);
        } catch (SdkException e) {
            throw new AbortException(Texts.get("Credentials.unresolvable", id, e.getMessage()));
        }
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
