package io.jenkins.plugins.lambdaverify.report;

import static io.jenkins.plugins.lambdaverify.report.SecretMasker.MASK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretMaskerTest {

    private final SecretMasker masker = SecretMasker.defaults();

    @Test
    void masksSecretHeadersAndKeepsOthersInOrder() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig");
        headers.put("Accept", "application/json");
        headers.put("proxy-authorization", "Basic dXNlcjpwYXNz");
        headers.put("Cookie", "session=abc123");
        headers.put("Set-Cookie", "sid=xyz; HttpOnly");
        headers.put("x-api-key", "k-123456");
        headers.put("X-Amz-Security-Token", "FwoGZXIvYXdzE");
        headers.put("X-Custom-Auth-Token", "t0k3n");
        headers.put("X-Client-Secret", "s3cr3t");
        headers.put("X-Db-Password", "pw");
        headers.put("X-Partner-Api-Key", "pk");
        headers.put("X-Request-Id", "req-1");

        Map<String, String> masked = masker.maskHeaders(headers);

        assertThat(masked).containsExactly(
                Map.entry("Authorization", MASK),
                Map.entry("Accept", "application/json"),
                Map.entry("proxy-authorization", MASK),
                Map.entry("Cookie", MASK),
                Map.entry("Set-Cookie", MASK),
                Map.entry("x-api-key", MASK),
                Map.entry("X-Amz-Security-Token", MASK),
                Map.entry("X-Custom-Auth-Token", MASK),
                Map.entry("X-Client-Secret", MASK),
                Map.entry("X-Db-Password", MASK),
                Map.entry("X-Partner-Api-Key", MASK),
                Map.entry("X-Request-Id", "req-1"));
        assertThat(headers.get("Authorization")).startsWith("Bearer ey"); // input untouched
    }

    @Test
    void masksMultiValuedHeaders() {
        Map<String, List<String>> masked = masker.maskHeaderLists(Map.of("Set-Cookie", List.of("a=1", "b=2")));
        assertThat(masked.get("Set-Cookie")).containsExactly(MASK, MASK);
    }

    @Test
    void masksSecretQueryParametersAndKeepsTheRest() {
        String path = "/api/v1/items?page=2&access_token=abc.def&id_token=x&api_key=K1&apikey=K2&key=K3"
                + "&secret=S&password=P&signature=SIG&X-Amz-Signature=f00&X-Amz-Credential=AK%2F2026"
                + "&X-Amz-Security-Token=TOK&code=oauthcode&token=T&sort=name";
        String masked = masker.maskPath(path);
        assertThat(masked).isEqualTo("/api/v1/items?page=2&access_token=****&id_token=****&api_key=****"
                + "&apikey=****&key=****&secret=****&password=****&signature=****&X-Amz-Signature=****"
                + "&X-Amz-Credential=****&X-Amz-Security-Token=****&code=****&token=****&sort=name");
    }

    @Test
    void masksFragmentTokensAndUserInfo() {
        assertThat(masker.maskPath("https://app.example.com/cb#access_token=abc&state=1"))
                .isEqualTo("https://app.example.com/cb#access_token=****&state=1");
        assertThat(masker.maskText("connecting to postgres://app:hunter22@db:5432/x"))
                .isEqualTo("connecting to postgres://app:****@db:5432/x");
    }

    @Test
    void keepsPlainPathsAsTheyAre() {
        assertThat(masker.maskPath("/api/v1/providers")).isEqualTo("/api/v1/providers");
        assertThat(masker.maskPath("/search?q=token&page=1")).isEqualTo("/search?q=token&page=1");
    }

    @Test
    void masksBearerAndBasicCredentialsInFreeText() {
        assertThat(masker.maskText("calling with Bearer eyJ0eXAi.abc-def_ghi= now"))
                .isEqualTo("calling with Bearer **** now");
        assertThat(masker.maskText("basic dXNlcjpwYXNzd29yZA== was sent"))
                .isEqualTo("basic **** was sent");
        assertThat(masker.maskText("Authorization: Bearer abc.def"))
                .isEqualTo("Authorization: Bearer ****");
        assertThat(masker.maskText("X-Auth-Token: 12345-abc"))
                .isEqualTo("X-Auth-Token: ****");
        assertThat(masker.maskText("Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/eu-west-1/"
                + "lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=deadbeef01"))
                .isEqualTo("Authorization: ****");
    }

    @Test
    void masksJsonSecretFieldsEvenWhenTruncated() {
        String body = "{\"user\":\"ann\",\"password\":\"hunter2\",\"accessToken\":\"eyJ.x.y\",\"count\":3,"
                + "\"apiKey\": \"k\\\"ey\",\"authorization\":\"Bearer z\",\"refresh_token\":\"r";
        String masked = masker.maskText(body);
        assertThat(masked).isEqualTo("{\"user\":\"ann\",\"password\":\"****\",\"accessToken\":\"****\",\"count\":3,"
                + "\"apiKey\": \"****\",\"authorization\":\"****\",\"refresh_token\":\"****");
    }

    @Test
    void masksPythonDictAndEscapedJsonFields() {
        assertThat(masker.maskText("event={'headers': {'secret': 's3', 'host': 'h'}}"))
                .isEqualTo("event={'headers': {'secret': '****', 'host': 'h'}}");
        assertThat(masker.maskText("{\"body\": \"{\\\"token\\\": \\\"abc\\\", \\\"name\\\": \\\"n\\\"}\"}"))
                .isEqualTo("{\"body\": \"{\\\"token\\\": \\\"****\\\", \\\"name\\\": \\\"n\\\"}\"}");
    }

    @Test
    void masksBareSecretAssignmentsInLogLines() {
        assertThat(masker.maskText("[INFO] login user=ann password=hunter2 ok"))
                .isEqualTo("[INFO] login user=ann password=**** ok");
        assertThat(masker.maskText("client_secret: abc123, region: eu-west-1"))
                .isEqualTo("client_secret: ****, region: eu-west-1");
    }

    @Test
    void masksQuotedValuesAfterBareNamesAndArraysUnderSecretNames() {
        assertThat(masker.maskText("login(user='ann', password='hunter2') token=\"t0k\""))
                .isEqualTo("login(user='ann', password='****') token=\"****\"");
        assertThat(masker.maskText("{\"statusCode\": 200, \"cookies\": [\"session=abc; HttpOnly\", \"csrf=xyz\"], \"body\": \"ok\"}"))
                .isEqualTo("{\"statusCode\": 200, \"cookies\": [\"****\", \"****\"], \"body\": \"ok\"}");
        assertThat(masker.maskText("\"multiValueHeaders\": {\"Set-Cookie\": [\"sid=1\"], \"X-Trace\": [\"t\"]}"))
                .isEqualTo("\"multiValueHeaders\": {\"Set-Cookie\": [\"****\"], \"X-Trace\": [\"t\"]}");
        assertThat(masker.maskText("{\"cookies\": [\"session=abc")).isEqualTo("{\"cookies\": [\"****");
    }

    @Test
    void picksSecretsFromAnEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG");
        env.put("AWS_SESSION_TOKEN", "FwoGZXIvYXdzEDoaDNEXAMPLE");
        env.put("GITHUB_TOKEN", "ghp_abcdefghijklmnop");
        env.put("MAX_TOKENS", "5");
        env.put("HOME", "/home/jenkins");
        SecretMasker m = masker.withEnvironmentSecrets(env);
        assertThat(m.maskText("k=wJalrXUtnFEMI/K7MDENG t FwoGZXIvYXdzEDoaDNEXAMPLE gh ghp_abcdefghijklmnop n 5 /home/jenkins"))
                .isEqualTo("k=**** t **** gh **** n 5 /home/jenkins");
        assertThat(masker.withEnvironmentSecrets(null).literalCount()).isZero();
    }

    @Test
    void masksAwsAccessKeysAndTheSecretKeyNextToThem() {
        String line = "creds AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY used";
        assertThat(masker.maskText(line)).isEqualTo("creds **** **** used");
        assertThat(masker.maskText("temp ASIAY34FZKBOKMUTVV7A")).isEqualTo("temp ****");
        // A 40-character token alone (e.g. a commit id) is left readable.
        String sha = "deploying 0123456789abcdef0123456789abcdef01234567";
        assertThat(masker.maskText(sha)).isEqualTo(sha);
    }

    @Test
    void masksLiteralValuesInEveryForm() {
        String secret = "wJalr/XUtn+FEMI=K7MDENG";
        SecretMasker withLiterals = masker.withLiterals(secret, null, " ", "sessionTokenValue123");
        assertThat(withLiterals.maskText("a " + secret + " b")).isEqualTo("a **** b");
        assertThat(withLiterals.maskText("/x?v=wJalr%2FXUtn%2BFEMI%3DK7MDENG")).isEqualTo("/x?v=****");
        assertThat(withLiterals.maskText("t=sessionTokenValue123;")).isEqualTo("t=****;");
        assertThat(masker.maskText("a " + secret + " b")).contains(secret); // the original is unchanged
    }

    @Test
    void longerLiteralsWinOverTheirPrefixes() {
        SecretMasker m = masker.withLiterals("abcd", "abcdefgh");
        assertThat(m.maskText("x abcdefgh y")).isEqualTo("x **** y");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Authorization: Bearer abc.def",
            "{\"password\":\"hunter2\",\"token\":\"t\"}",
            "/p?access_token=a&code=c",
            "creds AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "password=hunter2 Basic dXNlcjpwYXNz",
            "{\"cookies\": [\"a=1\"], \"x\": password='p'}"})
    void maskingIsIdempotent(String text) {
        String once = masker.maskText(text);
        assertThat(masker.maskText(once)).isEqualTo(once);
        assertThat(once).contains(MASK);
    }

    @Test
    void leavesOrdinaryLogLinesAlone() {
        List<String> lines = List.of(
                "[ERROR] ModuleNotFoundError: No module named 'src.api.v1.providers'",
                "START RequestId: 8f5e1c2a-1d2b-4c3d-9e8f-0a1b2c3d4e5f Version: 42",
                "REPORT RequestId: 8f5e Duration: 12.3 ms Billed Duration: 13 ms Init Duration: 250.1 ms",
                "GET /api/v1/providers -> 401|307");
        assertThat(masker.maskLines(lines)).isEqualTo(lines);
        assertThat(masker.maskLines(null)).isEmpty();
        assertThat(masker.maskText(null)).isNull();
    }

    @Test
    void namesThatLookSecret() {
        assertThat(SecretMasker.isSecretName("accessToken")).isTrue();
        assertThat(SecretMasker.isSecretName("API_KEY")).isTrue();
        assertThat(SecretMasker.isSecretName("client-secret")).isTrue();
        assertThat(SecretMasker.isSecretName("username")).isFalse();
        assertThat(SecretMasker.isSecretParameter("code")).isTrue();
        assertThat(SecretMasker.isSecretParameter("page")).isFalse();
        assertThat(SecretMasker.isSecretHeader("Content-Type")).isFalse();
    }
}
