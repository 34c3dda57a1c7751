package io.jenkins.plugins.lambdaverify.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.logs.LogEvent;
import io.jenkins.plugins.lambdaverify.logs.LogPattern;
import io.jenkins.plugins.lambdaverify.logs.LogScanner;
import io.jenkins.plugins.lambdaverify.report.JUnitXmlWriter;
import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.LogFinding;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.TargetInfo;
import io.jenkins.plugins.lambdaverify.result.Termination;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The log scan (finding samples) and the reports (a check's log lines) mask with the same rules: a secret in a log
 * line comes out the same on both paths, and is gone on both.
 */
class OneSetOfMaskingRulesTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:15:30Z");

    /** One line per rule family, each holding the secret {@code s3cr3tVALUE} (or a key / token shaped secret). */
    @ParameterizedTest
    @ValueSource(strings = {
        "[ERROR] auth failed: Authorization: Bearer s3cr3tVALUE.abc-def",
        "[ERROR] login failed password=s3cr3tVALUE user=ann",
        "[ERROR] upstream said {\"accessToken\": \"s3cr3tVALUE\", \"user\": \"ann\"}",
        "[ERROR] GET https://api.example.com/items?api_key=s3cr3tVALUE&page=2 failed",
        "[ERROR] connect postgres://app:s3cr3tVALUE@db.internal:5432/orders refused",
        "[ERROR] boto: key AKIAIOSFODNN7EXAMPLE secret wJalrXUtnFEMI/K7MDENG/bPxRfiCs3cr3tVALUE",
        "[ERROR] bad token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzM2NyM3RWQUxVRSJ9.s3cr3tVALUE",
        "[ERROR] client_secret: s3cr3tVALUE",
    })
    void aSecretInALogLineIsMaskedTheSameByTheLogScanAndByTheReports(String line) {
        LogScanner scanner = new LogScanner(List.of(new LogPattern("error", Pattern.compile("\\[ERROR]"), 0)),
                List.of());
        scanner.accept(new LogEvent(T0, "2026/11/28/[7]abc", line));
        LogFinding finding = scanner.findings().getFirst();
        String fromLogScan = finding.samples().getFirst();
        String fromReports = SecretMasker.defaults().maskText(line);

        assertThat(fromLogScan).isEqualTo(fromReports).isEqualTo(SecretRules.mask(line))
                .contains(SecretRules.MASK).doesNotContain("s3cr3tVALUE", "AKIAIOSFODNN7EXAMPLE");
        assertThat(finding.signature()).doesNotContain("s3cr3tVALUE", "AKIAIOSFODNN7EXAMPLE");

        // the same line as a failing check's log line in the JUnit report comes out as the log scan's sample
        CheckResult check = new CheckResult("p", "GET /x", "GET", "/x", "status 200", Outcome.FAILED,
                List.of("expected status 200, got 500"), null, 500, null, Duration.ofMillis(5), null, "req-1", "7",
                List.of(line));
        RunReport report = RunReport.of(TargetInfo.described("lambda:orders"), new VerificationResult("lambda:orders",
                T0, T0.plusSeconds(1), List.of(new PhaseResult("p", List.of(check), Duration.ofMillis(5))),
                List.of(finding), Termination.COMPLETED, null));
        String junit = new JUnitXmlWriter().toXml(report);
        assertThat(junit).doesNotContain("s3cr3tVALUE", "AKIAIOSFODNN7EXAMPLE");
        assertThat(unescapeXml(junit)).contains("log lines:\n" + fromLogScan + "\n");
    }

    /** Every key the log scan masked before it shared these rules is still masked. */
    @ParameterizedTest
    @ValueSource(strings = {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api_key",
        "api-key", "apikey", "access_token", "refresh_token", "id_token", "token", "password", "passwd", "secret",
        "client_secret", "aws_secret_access_key", "aws_session_token", "x-amz-security-token"})
    void everyKeyTheLogScanKnewIsMasked(String key) {
        for (String line : List.of("[ERROR] " + key + "=s3cr3tVALUE", "[ERROR] " + key + ": s3cr3tVALUE",
                "[ERROR] \"" + key + "\": \"s3cr3tVALUE\"", key + ": s3cr3tVALUE")) {
            assertThat(SecretRules.mask(line)).as(line).doesNotContain("s3cr3tVALUE").contains(SecretRules.MASK);
        }
    }

    private static String unescapeXml(String xml) {
        return xml.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
