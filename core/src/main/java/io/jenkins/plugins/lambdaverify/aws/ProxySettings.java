package io.jenkins.plugins.lambdaverify.aws;

import java.util.List;

/** An HTTP proxy for AWS calls (Jenkins' proxy configuration, or the CLI's flags). */
public record ProxySettings(String host, int port, String username, String password, List<String> nonProxyHosts) {
    public ProxySettings {
        nonProxyHosts = nonProxyHosts == null ? List.of() : List.copyOf(nonProxyHosts);
    }

    @Override
    public String toString() {
        // never print the password
        return "ProxySettings[" + host + ":" + port + (username != null ? ", user " + username : "") + "]";
    }
}
