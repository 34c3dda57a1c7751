package io.jenkins.plugins.lambdaverify.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

@Timeout(60)
class AwsClientFactoryTest {
    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static WireMockExtension other = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    static AwsSettings settings(String region, String profile, String endpoint, Map<String, String> env,
                                boolean allowDefaultChain) {
        return new AwsSettings(region, profile, endpoint, null, null, null, null, env, allowDefaultChain, null);
    }

    static Map<String, String> keys(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "AKIDENVKEY", "AWS_SECRET_ACCESS_KEY", "envsecret"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void explicitRegionWinsOverAwsRegionWhichWinsOverDefaultRegion() {
        Map<String, String> env = keys("AWS_REGION", "eu-central-1", "AWS_DEFAULT_REGION", "us-west-2");
        try (var f = AwsClientFactory.create(settings("eu-west-1", null, null, env, false))) {
            assertThat(f.region()).isEqualTo(Region.EU_WEST_1);
        }
        try (var f = AwsClientFactory.create(settings(null, null, null, env, false))) {
            assertThat(f.region()).isEqualTo(Region.EU_CENTRAL_1);
        }
        try (var f = AwsClientFactory.create(settings(null, null, null, keys("AWS_DEFAULT_REGION", "us-west-2"), false))) {
            assertThat(f.region()).isEqualTo(Region.US_WEST_2);
        }
    }

    @Test
    void noRegionWithoutTheDefaultChainIsAClearError() {
        assertThatThrownBy(() -> AwsClientFactory.create(settings(null, null, null, keys(), false)))
                .isInstanceOf(AwsConfigurationException.class)
                .hasMessage("no AWS region: set region in lambda-verify.yaml, --region, or AWS_REGION");
    }

    @Test
    void aMistypedRegionNamesItsSource() {
        assertThatThrownBy(() -> AwsClientFactory.create(settings(null, null, null, keys("AWS_REGION", "Ireland"), false)))
                .isInstanceOf(AwsConfigurationException.class)
                .hasMessage("region 'Ireland' from AWS_REGION is not an AWS region id: use e.g. eu-west-1");
        try (var f = AwsClientFactory.create(settings("us-gov-west-1", null, null, keys(), false))) {
            assertThat(f.region()).isEqualTo(Region.US_GOV_WEST_1);
        }
    }

    @Test
    void noCredentialsWithoutTheDefaultChainIsAClearError() {
        assertThatThrownBy(() -> AwsClientFactory.create(settings("eu-west-1", null, null, Map.of("HOME", dir.toString()), false)))
                .isInstanceOf(AwsConfigurationException.class)
                .hasMessageStartingWith("no AWS credentials:");
        assertThatThrownBy(() -> AwsClientFactory.create(settings("eu-west-1", null, null,
                Map.of("AWS_ACCESS_KEY_ID", "AKID"), false)))
                .hasMessage("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both or neither");
    }

    @Test
    void perServiceEndpointVariableWinsOverTheGlobalOneAndExplicitWinsOverBoth() {
        String logsUrl = "http://127.0.0.1:" + aws.getPort();
        String globalUrl = "http://127.0.0.1:" + other.getPort();
        Map<String, String> env = keys("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", logsUrl, "AWS_ENDPOINT_URL", globalUrl);
        aws.stubFor(post("/").withHeader("X-Amz-Target", equalTo("Logs_20140328.DescribeLogGroups"))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody("{\"logGroups\":[]}")));
        other.stubFor(get(urlPathEqualTo("/2015-03-31/functions"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"Functions\":[]}")));
        try (var f = AwsClientFactory.create(settings("eu-west-1", null, null, env, false))) {
            assertThat(f.endpoint(AwsService.CLOUDWATCH_LOGS)).contains(URI.create(logsUrl));
            assertThat(f.endpoint(AwsService.LAMBDA)).contains(URI.create(globalUrl));
            assertThat(f.endpoint(AwsService.CLOUDFORMATION)).contains(URI.create(globalUrl));
            // the real clients go where the settings say
            f.logs().describeLogGroups();
            f.lambda().listFunctions();
        }
        aws.verify(1, postRequestedFor(urlPathEqualTo("/")));
        other.verify(1, getRequestedFor(urlPathEqualTo("/2015-03-31/functions")));

        try (var f = AwsClientFactory.create(settings("eu-west-1", null, "http://localhost:4566", env, false))) {
            assertThat(f.endpoint(AwsService.CLOUDWATCH_LOGS)).contains(URI.create("http://localhost:4566"));
            assertThat(f.endpoint(AwsService.STS)).contains(URI.create("http://localhost:4566"));
        }
        try (var f = AwsClientFactory.create(settings("eu-west-1", null, null,
                keys("AWS_ENDPOINT_URL", globalUrl, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"), false))) {
            assertThat(f.endpoint(AwsService.LAMBDA)).isEmpty();
        }
    }

    @Test
    void malformedEndpointNamesItsSource() {
        assertThatThrownBy(() -> AwsClientFactory.create(settings("eu-west-1", null, null,
                keys("AWS_ENDPOINT_URL_LAMBDA", "localhost:9000"), false)))
                .isInstanceOf(AwsConfigurationException.class)
                .hasMessage("endpoint 'localhost:9000' from AWS_ENDPOINT_URL_LAMBDA is not an http(s) URL: use e.g. http://localhost:4566");
    }

    @Test
    void credentialsFromTheEnvironmentMapSignRequestsWithTheSessionToken() {
        stubListFunctions(aws);
        Map<String, String> env = keys("AWS_SESSION_TOKEN", "sessiontoken123");
        try (var f = AwsClientFactory.create(settings("eu-west-1", null, url(aws), env, false))) {
            f.lambda().listFunctions();
        }
        aws.verify(getRequestedFor(urlPathEqualTo("/2015-03-31/functions"))
                .withHeader("Authorization", containing("Credential=AKIDENVKEY/"))
                .withHeader("Authorization", containing("/eu-west-1/lambda/aws4_request"))
                .withHeader("X-Amz-Security-Token", equalTo("sessiontoken123")));
    }

    @Test
    void explicitCredentialsWinOverTheEnvironment() {
        stubListFunctions(aws);
        AwsSettings s = new AwsSettings("eu-west-1", null, url(aws), null, null, null,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXPLICIT", "s")), keys(), false, null);
        try (var f = AwsClientFactory.create(s)) {
            f.lambda().listFunctions();
        }
        aws.verify(getRequestedFor(anyUrl()).withHeader("Authorization", containing("Credential=AKIDEXPLICIT/")));
    }

    @Test
    void profileFromConfigFilesNamedInTheEnvironmentGivesRegionAndCredentials() throws IOException {
        Path config = Files.writeString(dir.resolve("config"), """
                [default]
                region = us-east-1
                [profile deploy]
                region = ap-southeast-2
                """);
        Path credentials = Files.writeString(dir.resolve("credentials"), """
                [deploy]
                aws_access_key_id = AKIDPROFILEKEY
                aws_secret_access_key = profilesecret
                """);
        Map<String, String> env = Map.of("AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", credentials.toString(), "AWS_PROFILE", "deploy");
        stubListFunctions(aws);
        try (var f = AwsClientFactory.create(settings(null, null, url(aws), env, false))) {
            assertThat(f.region()).isEqualTo(Region.AP_SOUTHEAST_2);
            f.lambda().listFunctions();
        }
        aws.verify(getRequestedFor(anyUrl())
                .withHeader("Authorization", containing("Credential=AKIDPROFILEKEY/"))
                .withHeader("Authorization", containing("/ap-southeast-2/lambda/")));

        // an explicit profile wins over AWS_PROFILE, and a missing one says where it looked
        assertThatThrownBy(() -> AwsClientFactory.create(settings("eu-west-1", "prod", null, env, false)))
                .isInstanceOf(AwsConfigurationException.class)
                .hasMessageStartingWith("AWS profile 'prod' not found in " + config);
    }

    @Test
    void assumesTheRoleWithExternalIdAndDefaultSessionNameThenSignsWithTheRoleCredentials() {
        aws.stubFor(post("/").withRequestBody(containing("Action=AssumeRole"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody("""
                        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <AssumeRoleResult>
                            <AssumedRoleUser>
                              <Arn>arn:aws:sts::123456789012:assumed-role/verifier/lambda-verify</Arn>
                              <AssumedRoleId>AROAEXAMPLE:lambda-verify</AssumedRoleId>
                            </AssumedRoleUser>
                            <Credentials>
                              <AccessKeyId>ASIAROLEKEY</AccessKeyId>
                              <SecretAccessKey>rolesecret</SecretAccessKey>
                              <SessionToken>roletoken</SessionToken>
                              <Expiration>2099-01-01T00:00:00Z</Expiration>
                            </Credentials>
                          </AssumeRoleResult>
                          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
                        </AssumeRoleResponse>""")));
        stubListFunctions(aws);
        AwsSettings s = new AwsSettings("eu-west-1", null, url(aws), "arn:aws:iam::123456789012:role/verifier",
                "ext-42", null, null, keys(), false, null);
        try (var f = AwsClientFactory.create(s)) {
            f.lambda().listFunctions();
            f.lambda().listFunctions();
        }
        // one AssumeRole, signed with the base keys; both Lambda calls use the role's keys
        aws.verify(1, postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(containing("RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fverifier"))
                .withRequestBody(containing("ExternalId=ext-42"))
                .withRequestBody(containing("RoleSessionName=lambda-verify"))
                .withHeader("Authorization", containing("Credential=AKIDENVKEY/")));
        aws.verify(2, getRequestedFor(urlPathEqualTo("/2015-03-31/functions"))
                .withHeader("Authorization", containing("Credential=ASIAROLEKEY/"))
                .withHeader("X-Amz-Security-Token", equalTo("roletoken")));
    }

    @Test
    void callsGoThroughTheProxyWithItsCredentialsUnlessTheHostIsExcluded() {
        // the proxy is WireMock itself: a forward-proxied plain-HTTP request arrives with an absolute URI
        aws.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"Functions\":[]}")));
        ProxySettings proxy = new ProxySettings("127.0.0.1", aws.getPort(), "proxyuser", "proxypass", List.of());
        AwsSettings s = new AwsSettings("eu-west-1", null, "http://lambda.example.invalid:9", null, null, null, null,
                keys(), false, proxy);
        try (var f = AwsClientFactory.create(s)) {
            f.lambda().listFunctions();
        }
        aws.verify(getRequestedFor(urlPathEqualTo("/2015-03-31/functions"))
                .withHeader("Host", matching("lambda\\.example\\.invalid(:9)?"))
                .withHeader("Proxy-Authorization", equalTo("Basic cHJveHl1c2VyOnByb3h5cGFzcw==")));

        ProxySettings bypass = new ProxySettings("127.0.0.1", aws.getPort(), null, null, List.of("*.example.invalid"));
        AwsSettings direct = new AwsSettings("eu-west-1", null, "http://lambda.example.invalid:9", null, null, null,
                null, keys(), false, bypass);
        try (var f = AwsClientFactory.create(direct, AwsClientOptions.defaults()
                .withRetryStrategy(AwsClientOptions.retries(1, java.time.Duration.ofMillis(1),
                        java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1))))) {
            assertThatThrownBy(() -> f.lambda().listFunctions()).hasRootCauseInstanceOf(java.net.UnknownHostException.class);
        }
        aws.verify(1, getRequestedFor(anyUrl()));
    }

    @Test
    void invokeClientsUseTheCallersOverrideAndReadTimeout() {
        aws.stubFor(post(urlPathEqualTo("/2015-03-31/functions/orders/invocations")).willReturn(aResponse()
                .withStatus(500).withHeader("X-Amzn-ErrorType", "ServiceException").withBody("{\"Message\":\"boom\"}")));
        aws.stubFor(post(urlPathEqualTo("/2015-03-31/functions/slow/invocations"))
                .willReturn(aResponse().withBody("{}").withFixedDelay(4_000)));
        try (var f = AwsClientFactory.create(settings("eu-west-1", null, url(aws), keys(), false))) {
            var noRetry = software.amazon.awssdk.core.client.config.ClientOverrideConfiguration.builder()
                    .retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()).build();
            var invoker = f.newLambdaClient(noRetry, null);
            assertThatThrownBy(() -> invoker.invoke(r -> r.functionName("orders")))
                    .isInstanceOf(software.amazon.awssdk.services.lambda.model.LambdaException.class);
            // the HTTP read timeout given for a client applies (and nothing retries the invoke)
            var shortRead = f.newLambdaClient(noRetry, java.time.Duration.ofSeconds(1));
            assertThatThrownBy(() -> shortRead.invoke(r -> r.functionName("slow")))
                    .hasRootCauseInstanceOf(java.net.SocketTimeoutException.class);
            assertThat(f.newLambdaClient(null, null)).isNotSameAs(invoker);
        }
        aws.verify(1, postRequestedFor(urlPathEqualTo("/2015-03-31/functions/orders/invocations")));
        aws.verify(1, postRequestedFor(urlPathEqualTo("/2015-03-31/functions/slow/invocations")));
    }

    @Test
    void everyClientComesFromTheSettingsHttpClientFactoryWithTheProxyAndTimeouts() {
        stubListFunctions(aws);
        aws.stubFor(post(urlPathEqualTo("/2015-03-31/functions/orders/invocations"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
        List<HttpClientSettings> built = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger closed = new java.util.concurrent.atomic.AtomicInteger();
        AwsHttpClientFactory counting = s -> {
            built.add(s);
            var client = AwsHttpClientFactory.urlConnection().create(new HttpClientSettings(s.connectTimeout(),
                    s.readTimeout(), null)); // the proxy is only recorded: WireMock is reached directly
            return new software.amazon.awssdk.http.SdkHttpClient() {
                @Override
                public software.amazon.awssdk.http.ExecutableHttpRequest prepareRequest(
                        software.amazon.awssdk.http.HttpExecuteRequest request) {
                    return client.prepareRequest(request);
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                    client.close();
                }
            };
        };
        ProxySettings proxy = new ProxySettings("proxy.corp.example", 3128, null, null, List.of("127.0.0.1"));
        AwsSettings s = new AwsSettings("eu-west-1", null, url(aws), null, null, null, null, keys(), false, proxy,
                counting);
        AwsClientOptions options = AwsClientOptions.defaults();
        try (var f = AwsClientFactory.create(s, options)) {
            f.lambda().listFunctions();
            f.newLambdaClient(null, java.time.Duration.ofSeconds(900)).invoke(r -> r.functionName("orders"));
        }
        assertThat(built).extracting(HttpClientSettings::readTimeout)
                .containsExactly(options.readTimeout(), java.time.Duration.ofSeconds(900));
        assertThat(built).allSatisfy(b -> {
            assertThat(b.connectTimeout()).isEqualTo(options.connectTimeout());
            assertThat(b.proxy()).isEqualTo(proxy);
        });
        aws.verify(1, getRequestedFor(urlPathEqualTo("/2015-03-31/functions")));
        aws.verify(1, postRequestedFor(urlPathEqualTo("/2015-03-31/functions/orders/invocations")));
        // the factory's clients are owned: closing the factory closed them
        assertThat(closed).hasValueGreaterThanOrEqualTo(2);
    }

    @Test
    void withoutAFactoryTheUrlConnectionClientIsUsed() {
        stubListFunctions(aws);
        try (var f = AwsClientFactory.create(settings("eu-west-1", null, url(aws), keys(), false))) {
            f.lambda().listFunctions();
        }
        aws.verify(getRequestedFor(urlPathEqualTo("/2015-03-31/functions"))
                .withHeader("User-Agent", containing("md/http#UrlConnection")));
    }

    @Test
    void theApacheClientJenkinsBundlesPlugsIn() {
        stubListFunctions(aws);
        aws.stubFor(post(urlPathEqualTo("/2015-03-31/functions/slow/invocations"))
                .willReturn(aResponse().withBody("{}").withFixedDelay(4_000)));
        AwsHttpClientFactory apache = s -> software.amazon.awssdk.http.apache.ApacheHttpClient.builder()
                .connectionTimeout(s.connectTimeout()).socketTimeout(s.readTimeout()).build();
        AwsSettings s = new AwsSettings("eu-west-1", null, url(aws), null, null, null, null, keys(), false, null,
                apache);
        try (var f = AwsClientFactory.create(s)) {
            assertThat(f.lambda().listFunctions().functions()).isEmpty();
            var noRetry = software.amazon.awssdk.core.client.config.ClientOverrideConfiguration.builder()
                    .retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()).build();
            var shortRead = f.newLambdaClient(noRetry, java.time.Duration.ofSeconds(1));
            assertThatThrownBy(() -> shortRead.invoke(r -> r.functionName("slow")))
                    .hasRootCauseInstanceOf(java.net.SocketTimeoutException.class);
        }
        aws.verify(getRequestedFor(urlPathEqualTo("/2015-03-31/functions"))
                .withHeader("User-Agent", containing("md/http#Apache")));
    }

    @Test
    void withTargetKeepsTheHttpClientFactory() {
        AwsHttpClientFactory factory = AwsHttpClientFactory.urlConnection();
        AwsSettings s = new AwsSettings(null, null, null, null, null, null, null, keys(), false, null, factory)
                .withTarget("eu-west-1", "deploy", "http://127.0.0.1:9");
        assertThat(s.httpClientFactory()).isSameAs(factory);
        assertThat(s.region()).isEqualTo("eu-west-1");
        assertThat(s.profile()).isEqualTo("deploy");
        assertThat(s.endpointUrl()).isEqualTo("http://127.0.0.1:9");
        assertThat(s.environment()).containsEntry("AWS_ACCESS_KEY_ID", "AKIDENVKEY");
    }

    @Test
    void nonProxyHostWildcardsBecomeAnchoredPatterns() {
        var patterns = new ProxySettings("proxy", 3128, null, null,
                List.of("*.corp.example, localhost", "10.0.0.*")).nonProxyHostPatterns();
        assertThat("lambda.corp.example".matches(patterns.iterator().next())).isTrue();
        assertThat(patterns.stream().anyMatch("corpXexample"::matches)).isFalse();
        assertThat(patterns.stream().anyMatch("localhost"::matches)).isTrue();
        assertThat(patterns.stream().anyMatch("10.0.0.7"::matches)).isTrue();
        assertThat(patterns.stream().anyMatch("lambda.eu-west-1.amazonaws.com"::matches)).isFalse();
    }

    @Test
    void settingsNeverPrintSecrets() {
        AwsSettings s = settings("eu-west-1", null, null, keys(), false);
        assertThat(s.toString()).doesNotContain("envsecret");
        try (var f = AwsClientFactory.create(s)) {
            assertThat(f.toString()).doesNotContain("envsecret").doesNotContain("AKIDENVKEY");
        }
    }

    static void stubListFunctions(WireMockExtension server) {
        server.stubFor(get(urlPathEqualTo("/2015-03-31/functions"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"Functions\":[]}")));
    }

    static String url(WireMockExtension server) {
        return "http://127.0.0.1:" + server.getPort();
    }
}
