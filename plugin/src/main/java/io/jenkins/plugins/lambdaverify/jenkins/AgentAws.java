package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.lambdaverify.aws.AwsSettings;
import io.jenkins.plugins.lambdaverify.aws.ProxySettings;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * How the agent reaches AWS: the step's AWS_* variables, credentials resolved on the controller (never the Jenkins
 * credential itself, only the short-lived keys it produced), the Jenkins proxy, and whether the agent's own identity
 * may be used. {@link #toString()} never prints a secret.
 *
 * @param environment       the step's AWS_* variables ({@code withAWS}, the {@code aws} binding, {@code withEnv})
 * @param credentials       credentials resolved from a Jenkins credentialsId, or {@code null}
 * @param proxy             the Jenkins proxy, or {@code null}
 * @param allowDefaultChain whether the SDK's default chain may be used on the agent (never on the built-in node)
 */
record AgentAws(
        Map<String, String> environment,
        @CheckForNull Keys credentials,
        @CheckForNull Proxy proxy,
        boolean allowDefaultChain)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    AgentAws {
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
    }

    /** The core's settings for this run (on the agent), with the Apache HTTP client Jenkins' AWS plugins bundle. */
    AwsSettings toSettings(@CheckForNull String region, @CheckForNull String endpointUrl) {
        return new AwsSettings(
                region,
                null,
                endpointUrl,
                null,
                null,
                null,
                credentials == null ? null : credentials.provider(),
                environment,
                allowDefaultChain,
                proxy == null ? null : proxy.toSettings(),
                ApacheHttpClients::create);
    }

    /** Literal secrets to mask in the log and the reports: the resolved keys and the proxy password. */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        if (credentials != null) {
            secrets.add(credentials.secretAccessKey());
            if (credentials.sessionToken() != null) {
                secrets.add(credentials.sessionToken());
            }
        }
        if (proxy != null && proxy.password() != null && !proxy.password().isEmpty()) {
            secrets.add(proxy.password());
        }
        return secrets;
    }

    @Override
    public String toString() {
        return "AgentAws[variables=" + environment.keySet() + ", credentials=" + (credentials != null) + ", proxy="
                + proxy + ", allowDefaultChain=" + allowDefaultChain + "]";
    }

    /** Resolved AWS keys (a session token when the credential assumed a role). */
    record Keys(
            String accessKeyId,
            String secretAccessKey,
            @CheckForNull String sessionToken) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        static Keys of(AwsCredentials resolved) {
            String token = resolved instanceof AwsSessionCredentials s ? s.sessionToken() : null;
            return new Keys(resolved.accessKeyId(), resolved.secretAccessKey(), token);
        }

        AwsCredentialsProvider provider() {
            return StaticCredentialsProvider.create(
                    sessionToken == null
                            ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                            : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
        }

        @Override
        public String toString() {
            return "Keys[****]";
        }
    }

    /** The Jenkins proxy configuration as plain data. */
    record Proxy(
            String host,
            int port,
            @CheckForNull String username,
            @CheckForNull String password,
            List<String> nonProxyHosts)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        Proxy {
            nonProxyHosts = Collections.unmodifiableList(new ArrayList<>(nonProxyHosts));
        }

        ProxySettings toSettings() {
            return new ProxySettings(host, port, username, password, nonProxyHosts);
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
