package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;
import java.util.Map;

/**
 * The options the Pipeline step and the freestyle publisher share, so that both reach the one implementation in
 * {@link VerificationRunner}. Unset text options are {@code null}; they then come from the config file, the
 * global configuration or the engine's defaults.
 */
public interface VerificationOptions {
    /** Default path of the config file in the workspace. */
    String DEFAULT_CONFIG = "lambda-verify.yaml";

    /** Workspace path of the config file; {@code null} means {@value #DEFAULT_CONFIG}, used when present. */
    @CheckForNull
    String getConfig();

    @CheckForNull
    String getFunction();

    @CheckForNull
    String getStack();

    @CheckForNull
    String getLogicalId();

    @CheckForNull
    String getQualifier();

    @CheckForNull
    String getRegion();

    @CheckForNull
    String getCredentialsId();

    @CheckForNull
    String getEndpointUrl();

    @CheckForNull
    String getBaseUrl();

    /** {@code lambda}, {@code http} or {@code local}. */
    @CheckForNull
    String getMode();

    /** {@code apigateway-v1}, {@code apigateway-v2}, {@code alb} or {@code function-url}. */
    @CheckForNull
    String getEventFormat();

    /** Phases given inline (same shape as the config file's {@code phases}); empty when none. */
    List<Map<String, Object>> getPhases();

    /** Extra log patterns; empty when none. */
    List<LogPattern> getLogPatterns();

    /** {@code none}, {@code alias} or {@code sam}; {@code null}: as the config file says. */
    @CheckForNull
    String getRollback();

    /** {@code FAILURE}, {@code UNSTABLE} or {@code SUCCESS} (report only); {@code null}: FAILURE. */
    @CheckForNull
    String getResultOnFailure();

    /** Checks in flight at once; 0: as the config file says (capped by the global configuration). */
    int getConcurrency();

    /** Deadline of the whole run in seconds; 0: as the config file says. */
    int getTimeout();
}
