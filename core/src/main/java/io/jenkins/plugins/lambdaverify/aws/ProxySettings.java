package io.jenkins.plugins.lambdaverify.aws;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** An HTTP proxy for AWS calls (Jenkins' proxy configuration, or the CLI's flags). */
public record ProxySettings(String host, int port, String username, String password, List<String> nonProxyHosts) {
    public ProxySettings {
        nonProxyHosts = nonProxyHosts == null ? List.of() : List.copyOf(nonProxyHosts);
    }

    /**
     * The non-proxy hosts as the SDK's HTTP clients (URLConnection and Apache) match them, with
     * {@link String#matches} on the lower-case host: {@code *.corp} wildcards become anchored regexes, and entries
     * may be separated by commas, bars or white space (Jenkins' "No Proxy Host" field).
     */
    public Set<String> nonProxyHostPatterns() {
        Set<String> patterns = new LinkedHashSet<>();
        for (String entry : nonProxyHosts) {
            for (String host : entry.split("[,|\\s]+")) {
                if (host.isBlank()) {
                    continue;
                }
                String lower = host.trim().toLowerCase(Locale.ROOT);
                StringBuilder regex = new StringBuilder();
                String[] parts = lower.split("\\*", -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        regex.append(".*");
                    }
                    if (!parts[i].isEmpty()) {
                        regex.append(Pattern.quote(parts[i]));
                    }
                }
                patterns.add(regex.toString());
            }
        }
        return patterns;
    }

    @Override
    public String toString() {
        // never print the password
        return "ProxySettings[" + host + ":" + port + (username != null ? ", user " + username : "") + "]";
    }
}
