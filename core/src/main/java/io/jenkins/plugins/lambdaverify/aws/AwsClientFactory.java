package io.jenkins.plugins.lambdaverify.aws;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Builds the run's AWS clients from {@link AwsSettings}, honouring the SDK's standard settings the way users expect,
 * but reading them from the settings' environment map (in Jenkins the step's environment, not the controller's).
 * <ul>
 *   <li>region: explicit, AWS_REGION, AWS_DEFAULT_REGION, the named profile's region, then (only with the default
 *       chain allowed) the SDK's region chain</li>
 *   <li>endpoint: explicit, AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, the SDK's</li>
 *   <li>credentials: explicit, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, the named profile
 *       (AWS_PROFILE; files per AWS_CONFIG_FILE/AWS_SHARED_CREDENTIALS_FILE), then (only with the default chain
 *       allowed) the SDK's chain; then the role to assume, if any</li>
 * </ul>
 * Every client uses the settings' HTTP client factory (default: the URLConnection client) with the settings' proxy.
 * Thread-safe; close it to close all.
 */
public final class AwsClientFactory implements AwsClients {
    static final String NO_REGION = "no AWS region: set region in lambda-verify.yaml, --region, or AWS_REGION";
    static final String DEFAULT_SESSION_NAME = "lambda-verify";
    private static final Pattern REGION_ID = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    private final AwsSettings settings;
    private final AwsClientOptions options;
    private final ProfileFile profileFile;
    private final String profileName;
    private final Region region;
    private final Map<AwsService, URI> endpoints;
    private final SdkHttpClient httpClient;
    private final AwsCredentialsProvider baseCredentials;
    private final List<AutoCloseable> owned = new ArrayList<>();
    private StsClient baseSts;
    private AwsCredentialsProvider credentials;
    private LambdaClient lambda;
    private CloudWatchLogsClient logs;
    private CloudFormationClient cloudFormation;
    private StsClient sts;
    private boolean closed;

    private AwsClientFactory(AwsSettings settings, AwsClientOptions options) {
        this.settings = settings;
        this.options = options;
        Map<String, String> env = settings.environment();
        this.profileName = firstNonBlank(settings.profile(), env.get("AWS_PROFILE"));
        // without a named profile and without the default chain, read no files: in Jenkins ~/.aws is the controller's
        this.profileFile = profileName != null || settings.allowDefaultChain() ? AwsProfiles.load(env) : AwsProfiles.empty();
        if (profileName != null && profileFile.profile(profileName).isEmpty()) {
            throw new AwsConfigurationException("AWS profile '" + profileName + "' not found in "
                    + AwsProfiles.describeLocations(env) + ": create it or use another profile");
        }
        this.region = resolveRegion();
        this.endpoints = resolveEndpoints();
        this.baseCredentials = resolveBaseCredentials();
        this.httpClient = httpClient(options.readTimeout());
    }

    /** Validates the settings and resolves region, endpoints and credentials (no AWS call is made yet). */
    public static AwsClientFactory create(AwsSettings settings) {
        return create(settings, AwsClientOptions.defaults());
    }

    public static AwsClientFactory create(AwsSettings settings, AwsClientOptions options) {
        return new AwsClientFactory(settings, options);
    }

    @Override
    public Region region() {
        return region;
    }

    /** The endpoint override for {@code service}, when one is configured. */
    public Optional<URI> endpoint(AwsService service) {
        return Optional.ofNullable(endpoints.get(service));
    }

    /** The credentials every client signs with (after role assumption, when a role is set). */
    public synchronized AwsCredentialsProvider credentialsProvider() {
        checkOpen();
        if (credentials == null) {
            credentials = settings.roleArn() == null || settings.roleArn().isBlank() ? baseCredentials : assumeRole();
        }
        return credentials;
    }

    @Override
    public synchronized LambdaClient lambda() {
        if (lambda == null) {
            lambda = own(configure(LambdaClient.builder(), AwsService.LAMBDA, defaultOverride(), httpClient)
                    .credentialsProvider(credentialsProvider()).build());
        }
        return lambda;
    }

    @Override
    public synchronized LambdaClient newLambdaClient(ClientOverrideConfiguration override, Duration readTimeout) {
        ClientOverrideConfiguration.Builder b = override != null ? override.toBuilder() : ClientOverrideConfiguration.builder();
        if (b.defaultProfileFile() == null && b.defaultProfileFileSupplier() == null) {
            b.defaultProfileFile(profileFile);
        }
        if (b.defaultProfileName() == null && profileName != null) {
            b.defaultProfileName(profileName);
        }
        SdkHttpClient http = readTimeout != null ? own(httpClient(readTimeout)) : httpClient;
        return own(configure(LambdaClient.builder(), AwsService.LAMBDA, b.build(), http)
                .credentialsProvider(credentialsProvider()).build());
    }

    @Override
    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = own(configure(CloudWatchLogsClient.builder(), AwsService.CLOUDWATCH_LOGS, defaultOverride(), httpClient)
                    .credentialsProvider(credentialsProvider()).build());
        }
        return logs;
    }

    @Override
    public synchronized CloudFormationClient cloudFormation() {
        if (cloudFormation == null) {
            cloudFormation = own(configure(CloudFormationClient.builder(), AwsService.CLOUDFORMATION, defaultOverride(),
                    httpClient).credentialsProvider(credentialsProvider()).build());
        }
        return cloudFormation;
    }

    @Override
    public synchronized StsClient sts() {
        if (sts == null) {
            sts = own(configure(StsClient.builder(), AwsService.STS, defaultOverride(), httpClient)
                    .credentialsProvider(credentialsProvider()).build());
        }
        return sts;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception ignored) {
                // closing is best effort: nothing useful to do with a failure here
            }
        }
        httpClient.close();
    }

    @Override
    public String toString() {
        return "AwsClientFactory[region=" + region + ", endpoints=" + endpoints + ", profile=" + profileName + "]";
    }

    private AwsCredentialsProvider assumeRole() {
        // STS is called with the base credentials; the resulting provider refreshes itself before expiry
        baseSts = own(configure(StsClient.builder(), AwsService.STS, defaultOverride(), httpClient)
                .credentialsProvider(baseCredentials).build());
        String sessionName = firstNonBlank(settings.roleSessionName(), DEFAULT_SESSION_NAME);
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(baseSts)
                .refreshRequest(r -> {
                    r.roleArn(settings.roleArn().trim()).roleSessionName(sessionName);
                    if (settings.externalId() != null && !settings.externalId().isBlank()) {
                        r.externalId(settings.externalId());
                    }
                })
                .asyncCredentialUpdateEnabled(false)
                .build();
        return own(provider);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder, AwsService service,
                                                             ClientOverrideConfiguration override, SdkHttpClient http) {
        checkOpen();
        builder.region(region).overrideConfiguration(override);
        URI endpoint = endpoints.get(service);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        builder.httpClient(http);
        return builder;
    }

    private ClientOverrideConfiguration defaultOverride() {
        ClientOverrideConfiguration.Builder b = ClientOverrideConfiguration.builder()
                .apiCallTimeout(options.apiCallTimeout())
                .apiCallAttemptTimeout(options.apiCallAttemptTimeout())
                .retryStrategy(options.retryStrategy())
                .defaultProfileFile(profileFile);
        if (profileName != null) {
            b.defaultProfileName(profileName);
        }
        return b.build();
    }

    private SdkHttpClient httpClient(Duration readTimeout) {
        AwsHttpClientFactory factory = settings.httpClientFactory() != null ? settings.httpClientFactory()
                : AwsHttpClientFactory.urlConnection();
        return factory.create(new HttpClientSettings(options.connectTimeout(), readTimeout, settings.proxy()));
    }

    private Region resolveRegion() {
        Map<String, String> env = settings.environment();
        if (notBlank(settings.region())) {
            return region(settings.region(), "region");
        }
        if (notBlank(env.get("AWS_REGION"))) {
            return region(env.get("AWS_REGION"), "AWS_REGION");
        }
        if (notBlank(env.get("AWS_DEFAULT_REGION"))) {
            return region(env.get("AWS_DEFAULT_REGION"), "AWS_DEFAULT_REGION");
        }
        if (profileName != null) {
            Optional<String> fromProfile = profileFile.profile(profileName).flatMap(p -> p.property("region"));
            if (fromProfile.isPresent() && !fromProfile.get().isBlank()) {
                return region(fromProfile.get(), "profile " + profileName);
            }
        }
        if (settings.allowDefaultChain()) {
            try {
                return DefaultAwsRegionProviderChain.builder()
                        .profileFile(() -> profileFile)
                        .profileName(profileName != null ? profileName : "default")
                        .build().getRegion();
            } catch (SdkClientException e) {
                throw new AwsConfigurationException(NO_REGION, e);
            }
        }
        throw new AwsConfigurationException(NO_REGION);
    }

    private static Region region(String value, String source) {
        String id = value.trim();
        if (!REGION_ID.matcher(id).matches()) {
            throw new AwsConfigurationException("region '" + id + "' from " + source
                    + " is not an AWS region id: use e.g. eu-west-1");
        }
        return Region.of(id);
    }

    private Map<AwsService, URI> resolveEndpoints() {
        Map<String, String> env = settings.environment();
        boolean ignoreEnv = "true".equalsIgnoreCase(trimmed(env.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")));
        Map<AwsService, URI> result = new EnumMap<>(AwsService.class);
        for (AwsService service : AwsService.values()) {
            String source;
            String value;
            if (notBlank(settings.endpointUrl())) {
                source = "endpointUrl";
                value = settings.endpointUrl();
            } else if (!ignoreEnv && notBlank(env.get(service.endpointVariable()))) {
                source = service.endpointVariable();
                value = env.get(service.endpointVariable());
            } else if (!ignoreEnv && notBlank(env.get("AWS_ENDPOINT_URL"))) {
                source = "AWS_ENDPOINT_URL";
                value = env.get("AWS_ENDPOINT_URL");
            } else {
                continue;
            }
            result.put(service, endpointUri(source, value.trim()));
        }
        return Map.copyOf(result);
    }

    private static URI endpointUri(String source, String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new AwsConfigurationException("endpoint '" + value + "' from " + source
                    + " is not an http(s) URL: use e.g. http://localhost:4566");
        }
    }

    private AwsCredentialsProvider resolveBaseCredentials() {
        if (settings.credentials() != null) {
            return settings.credentials();
        }
        Map<String, String> env = settings.environment();
        String keyId = trimmed(env.get("AWS_ACCESS_KEY_ID"));
        String secret = trimmed(env.get("AWS_SECRET_ACCESS_KEY"));
        if (notBlank(keyId) != notBlank(secret)) {
            throw new AwsConfigurationException(notBlank(keyId)
                    ? "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both or neither"
                    : "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not: set both or neither");
        }
        if (notBlank(keyId)) {
            String token = trimmed(env.get("AWS_SESSION_TOKEN"));
            return StaticCredentialsProvider.create(notBlank(token)
                    ? AwsSessionCredentials.create(keyId, secret, token)
                    : AwsBasicCredentials.create(keyId, secret));
        }
        if (profileName != null) {
            return own(ProfileCredentialsProvider.builder().profileFile(profileFile).profileName(profileName).build());
        }
        if (settings.allowDefaultChain()) {
            return own(DefaultCredentialsProvider.builder().profileFile(() -> profileFile).build());
        }
        throw new AwsConfigurationException("no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                + "a profile (AWS_PROFILE), or AWS credentials for the step");
    }

    private <T> T own(T resource) {
        if (resource instanceof AutoCloseable closeable) {
            owned.add(closeable);
        }
        return resource;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("AwsClientFactory is closed");
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (notBlank(v)) {
                return v.trim();
            }
        }
        return null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }
}
