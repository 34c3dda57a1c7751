package io.jenkins.plugins.lambdaverify.cli.corpus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.jenkins.plugins.lambdaverify.cli.LambdaVerifyCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end: secrets from the config, echoed back by the endpoint, appear in no output and no report. */
class CliSecretHygieneTest {
    static final String AUTHORIZATION = "sk-live-CLIAUTH-41b9e2";
    static final String COOKIE = "CLICOOKIE-77ae01f3";
    static final String API_KEY = "CLIAPIKEY-5c5c5c5c";
    static final String TOKEN = "CLITOKEN-0d15ea5e";
    static final List<String> SECRETS = List.of(AUTHORIZATION, COOKIE, API_KEY, TOKEN);

    WireMockServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withHeader("Set-Cookie", "s=" + COOKIE)
                .withHeader("Content-Type", "text/plain").withBody("Traceback: auth Bearer " + AUTHORIZATION
                        + " rejected; you sent cookie " + COOKIE + " and key " + API_KEY + " for ?token=" + TOKEN
                        + "\nplain echo " + TOKEN)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    @Timeout(60)
    void noSecretInStdoutStderrOrReports() throws Exception {
        Path config = dir.resolve("lambda-verify.yaml");
        Files.writeString(config, """
                version: 1
                target:
                  mode: http
                  baseUrl: http://127.0.0.1:%d
                checks:
                  - name: orders
                    request:
                      method: GET
                      path: /api/orders
                      query: {token: %s}
                      headers: {Authorization: Bearer %s, Cookie: "session=%s", X-Api-Key: %s}
                    expect: {status: 200}
                """.formatted(server.port(), TOKEN, AUTHORIZATION, COOKIE, API_KEY));
        Path reports = dir.resolve("reports");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = LambdaVerifyCommand.execute(new String[] {"run", "-c", config.toString(), "--report-dir",
                reports.toString(), "--progress"}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(server.getAllServeEvents()).as("the secrets were really sent").anySatisfy(e ->
                assertThat(e.getRequest().getHeader("Authorization")).contains(AUTHORIZATION));
        StringBuilder everything = new StringBuilder(out + "\n" + err);
        try (Stream<Path> files = Files.list(reports)) {
            for (Path f : files.toList()) {
                everything.append('\n').append(f).append(":\n").append(Files.readString(f));
            }
        }
        assertThat(everything).contains("Traceback").contains("****");
        for (String secret : SECRETS) {
            assertThat(everything.toString()).as("output shows " + secret + ":\n" + everything).doesNotContain(secret);
        }
    }
}
