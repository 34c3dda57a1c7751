package io.jenkins.plugins.lambdaverify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.lambdaverify.result.RunReport;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads our JUnit XML back with Maven Surefire's own report parser (an independent JUnit XML reader) and DOM. */
class JUnitXmlWriterTest {

    @TempDir
    Path dir;

    private final JUnitXmlWriter writer = new JUnitXmlWriter();

    private List<ReportTestSuite> parseWithSurefire(String xml) throws Exception {
        Path file = dir.resolve("TEST-lambda-verify.xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
        List<ReportTestSuite> suites = parser.parse(file.toString());
        assertThat(parser.isValid()).as("surefire accepted the document").isTrue();
        return suites;
    }

    private static Document dom(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    @Test
    void incidentReportParsesWithCountsNamesAndClassnames() throws Exception {
        String xml = writer.toXml(ReportFixtures.incident());
        List<ReportTestSuite> suites = parseWithSurefire(xml);

        List<ReportTestCase> cases = suites.stream().flatMap(s -> s.getTestCases().stream()).toList();
        assertThat(cases).extracting(ReportTestCase::getFullClassName, ReportTestCase::getName).containsExactly(
                tuple("lambda-verify.public", "GET /health -> 200"),
                tuple("lambda-verify.public", "GET /api/v1/version -> 200"),
                tuple("lambda-verify.unauthenticated", ReportFixtures.INCIDENT_CHECK),
                tuple("lambda-verify.unauthenticated", "GET /api/v1/orders?token=**** -> 401|307"),
                tuple("lambda-verify.errors", "GET /no/such/path -> 404"),
                tuple("lambda-verify.log-scan",
                        "ModuleNotFoundError: [ERROR] ModuleNotFoundError: No module named '<module>'"),
                tuple("lambda-verify.log-scan", "Timeout: Task timed out after <n> seconds"),
                tuple("lambda-verify.rollback", "rollback (alias) 42 -> 41"),
                tuple("lambda-verify.reverify.public", "GET /health -> 200"),
                tuple("lambda-verify.reverify.log-scan", "no errors in logs"));

        Map<String, ReportTestCase> byName = cases.stream().filter(c -> c.getFullClassName().endsWith("unauthenticated"))
                .collect(Collectors.toMap(ReportTestCase::getName, Function.identity()));
        ReportTestCase incident = byName.get(ReportFixtures.INCIDENT_CHECK);
        assertThat(incident.hasFailure()).isTrue();
        assertThat(incident.hasError()).isFalse();
        assertThat(incident.getFailureType()).isEqualTo("AssertionError");
        assertThat(incident.getFailureMessage()).isEqualTo("expected status 401|307, got 500");
        assertThat(incident.getTime()).isEqualTo(0.087f);

        ReportTestCase errored = byName.get("GET /api/v1/orders?token=**** -> 401|307");
        assertThat(errored.hasError()).isTrue();
        assertThat(errored.getFailureType()).isEqualTo("InvocationError");
        assertThat(errored.getFailureMessage()).isEqualTo("read timed out after 30 s");

        ReportTestCase skipped = cases.stream().filter(c -> c.getName().startsWith("GET /no/such")).findFirst()
                .orElseThrow();
        assertThat(skipped.hasSkipped()).isTrue();

        ReportTestCase module = cases.stream().filter(c -> c.getName().startsWith("ModuleNotFoundError"))
                .findFirst().orElseThrow();
        assertThat(module.hasFailure()).isTrue();
        assertThat(module.getFailureMessage()).isEqualTo("ModuleNotFoundError seen 12 times (allowed 0)");
        ReportTestCase tolerated = cases.stream().filter(c -> c.getName().startsWith("Timeout")).findFirst()
                .orElseThrow();
        assertThat(tolerated.isSuccessful()).isTrue();
    }

    @Test
    void suiteAttributesCarryPhaseNamesAndCounts() throws Exception {
        Document doc = dom(writer.toXml(ReportFixtures.incident()));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("10");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        assertThat(root.getAttribute("time")).isEqualTo("3.500");

        assertThat(elements(doc, "testsuite")).extracting(e -> e.getAttribute("name"), e -> e.getAttribute("tests"),
                e -> e.getAttribute("failures"), e -> e.getAttribute("errors"), e -> e.getAttribute("skipped"))
                .containsExactly(
                        tuple("public", "2", "0", "0", "0"),
                        tuple("unauthenticated", "2", "1", "1", "0"),
                        tuple("errors", "1", "0", "0", "1"),
                        tuple("log-scan", "2", "1", "0", "0"),
                        tuple("rollback", "1", "0", "0", "0"),
                        tuple("reverify/public", "1", "0", "0", "0"),
                        tuple("reverify/log-scan", "1", "0", "0", "0"));
        Element unauth = elements(doc, "testsuite").get(1);
        assertThat(unauth.getAttribute("time")).isEqualTo("30.000");
        assertThat(unauth.getAttribute("timestamp")).isEqualTo("2026-11-28T10:15:30");
    }

    @Test
    void systemOutCarriesRequestDetailsLogLinesAndNoControlCharacters() throws Exception {
        String xml = writer.toXml(ReportFixtures.incident());
        Document doc = dom(xml);
        Element incident = elements(doc, "testcase").stream()
                .filter(e -> e.getAttribute("name").equals(ReportFixtures.INCIDENT_CHECK)).findFirst().orElseThrow();
        String out = incident.getElementsByTagName("system-out").item(0).getTextContent();
        assertThat(out).contains("request: GET /api/v1/providers", "expected: status 401|307", "status: 500",
                "latency: 87 ms", "cold start: yes (init 412.5 ms)",
                "request id: 8f5e1c2a-1d2b-4c3d-9e8f-0a1b2c3d4e5f", "version: 42",
                "{\"message\": \"Internal Server Error\"}", ReportFixtures.MODULE_ERROR,
                "Traceback: boom  bell and nul");
        assertThat(out).doesNotContain("\u001B", "\u0000", "\u0007");
        assertThat(incident.getElementsByTagName("failure").item(0).getTextContent())
                .isEqualTo("expected status 401|307, got 500");
    }

    @Test
    void theIndependentParserRejectsRawControlCharacters() {
        // Negative control: the log line's bell character, written raw, breaks a real JUnit reader.
        String raw = "<testsuite name=\"p\" tests=\"1\"><testcase name=\"c\" classname=\"x\" time=\"0\">"
                + "<system-out>bell \u0007</system-out></testcase></testsuite>";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parseWithSurefire(raw))
                .isInstanceOf(org.xml.sax.SAXParseException.class);
    }

    @Test
    void secretsFromLogLinesNamesAndLiteralsNeverReachTheFile() throws Exception {
        String xml = new JUnitXmlWriter(SecretMasker.defaults().withLiterals("rev-1", "Internal Server"))
                .toXml(ReportFixtures.incident());
        parseWithSurefire(xml);
        assertThat(xml).doesNotContain(ReportFixtures.LEAKED_TOKEN, ReportFixtures.ACCESS_KEY, "abc123",
                "Internal Server");
        assertThat(xml).contains("{\"authorization\": \"****\"}", "token=****");
    }

    @Test
    void cleanLogScanIsOnePassingCase() throws Exception {
        List<ReportTestSuite> suites = parseWithSurefire(writer.toXml(ReportFixtures.green()));
        List<ReportTestCase> cases = suites.stream().flatMap(s -> s.getTestCases().stream()).toList();
        assertThat(cases).hasSize(4).allMatch(ReportTestCase::isSuccessful);
        ReportTestCase scan = cases.get(3);
        assertThat(scan.getName()).isEqualTo("no errors in logs");
        assertThat(scan.getFullClassName()).isEqualTo("lambda-verify.log-scan");
    }

    @Test
    void unreachableFunctionIsAnErrorNotAQuietSkip() throws Exception {
        List<ReportTestSuite> suites = parseWithSurefire(writer.toXml(ReportFixtures.unreachable()));
        List<ReportTestCase> cases = suites.stream().flatMap(s -> s.getTestCases().stream()).toList();
        assertThat(cases.get(0).getName()).isEqualTo("reach the function");
        assertThat(cases.get(0).hasError()).isTrue();
        assertThat(cases.get(0).getFailureMessage())
                .isEqualTo("could not reach the function: ResourceNotFoundException: Function not found: gone");
        assertThat(cases).filteredOn(ReportTestCase::hasSkipped).hasSize(1);
    }

    @Test
    void refusedRollbackFailsAndDryRunIsSkipped() throws Exception {
        RunReport base = ReportFixtures.incident();
        RunReport refused = new RunReport(base.target(), base.verification(),
                new io.jenkins.plugins.lambdaverify.result.RollbackOutcome("alias",
                        io.jenkins.plugins.lambdaverify.result.RollbackOutcome.Status.REFUSED,
                        "alias live was moved by someone else (RevisionId changed)", "42", "41", List.of()), null);
        ReportTestCase rb = parseWithSurefire(writer.toXml(refused)).stream().flatMap(s -> s.getTestCases().stream())
                .filter(c -> c.getFullClassName().equals("lambda-verify.rollback")).findFirst().orElseThrow();
        assertThat(rb.hasFailure()).isTrue();
        assertThat(rb.getFailureMessage()).isEqualTo("refused: alias live was moved by someone else (RevisionId changed)");

        RunReport dry = new RunReport(base.target(), base.verification(),
                new io.jenkins.plugins.lambdaverify.result.RollbackOutcome("sam",
                        io.jenkins.plugins.lambdaverify.result.RollbackOutcome.Status.DRY_RUN, "would deploy build 17",
                        "build 18", "build 17", List.of("sam deploy --no-confirm-changeset")), null);
        Document doc = dom(writer.toXml(dry));
        Element skipped = (Element) elements(doc, "testcase").stream()
                .filter(e -> e.getAttribute("classname").equals("lambda-verify.rollback")).findFirst().orElseThrow()
                .getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("dry run: would deploy build 17");
    }

    @Test
    void writesUtf8ToAStream() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writer.write(ReportFixtures.green(), out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        new InputStreamReader(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8).close();
        assertThat(dom(text).getDocumentElement().getAttribute("tests")).isEqualTo("4");
    }
}
