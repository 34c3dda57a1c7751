package io.jenkins.plugins.lambdaverify.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {

    private static VerifySpec parse(String yaml) {
        return SpecLoader.parse(yaml, "lambda-verify.yaml");
    }

    private static String errorOf(String yaml) {
        try {
            parse(yaml);
        } catch (SpecException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a SpecException for:\n" + yaml);
    }

    @Test
    void nameRegexFindsTheFunctionByItsName() {
        VerifySpec spec = parse("""
                target:
                  nameRegex: '^orders-api-ApiFunction-[A-Z0-9]+$'
                  alias: live
                checks: [GET /health]
                """);
        assertThat(spec.target().nameRegex()).isEqualTo("^orders-api-ApiFunction-[A-Z0-9]+$");
        assertThat(spec.target().describe()).isEqualTo("lambda:/^orders-api-ApiFunction-[A-Z0-9]+$/:live");
        // a flag naming the function another way replaces it, as it does the file's other lookups
        TargetSpec flags = new TargetSpec(null, "orders-fn", null, null, null, null, null, null, null, null, null,
                null, null, null, null);
        assertThat(spec.target().overriddenWithLookupBy(flags).nameRegex()).isNull();
        TargetSpec regexFlag = new TargetSpec(null, null, null, null, null, null, null, null, null, null, "^billing-",
                null, null, null, null, null);
        assertThat(parse("target: {function: orders-fn}\nchecks: [GET /health]\n").target()
                .overriddenWithLookupBy(regexFlag)).satisfies(t -> {
                    assertThat(t.function()).isNull();
                    assertThat(t.nameRegex()).isEqualTo("^billing-");
                });
    }

    @Test
    void anInvalidNameRegexIsReportedWhereItIsWrittenWithWhatToWrite() {
        assertThat(errorOf("""
                target:
                  nameRegex: 'orders-api-(Api'
                checks: [GET /health]
                """)).isEqualTo("lambda-verify.yaml:2:14: nameRegex 'orders-api-(Api' is not a valid regular expression "
                + "(Unclosed group at index 15): write a Java regex found in the function name, e.g. "
                + "^orders-api-ApiFunction- (escape a literal . ( [ { * + ? with \\)");
        assertThat(errorOf("""
                target:
                  nameRegex: ''
                checks: [GET /health]
                """)).isEqualTo("lambda-verify.yaml:2:14: nameRegex is empty: write a Java regex found in the function "
                + "name, e.g. ^orders-api-ApiFunction-");
    }

    @Test
    void nameRegexIsTheOnlyWayTheFileNamesTheFunction() {
        assertThat(errorOf("""
                target:
                  function: orders-fn
                  nameRegex: ^orders-
                checks: [GET /health]
                """)).isEqualTo("lambda-verify.yaml:3:14: nameRegex and function both name the function: keep only one "
                + "way to find it");
        // local mode's function is the template's logical id, not a lookup
        assertThat(parse("""
                target: {mode: local, function: ApiFunction, nameRegex: ^orders-}
                checks: [GET /health]
                """).target().function()).isEqualTo("ApiFunction");
    }

    @Test
    void shorthandAndFullFormWithPhaseDefaults() {
        VerifySpec spec = parse("""
                target:
                  function: orders-api
                  alias: live
                  region: eu-west-1
                phases:
                  - name: public
                    expect: {status: 200}
                    checks:
                      - GET /health
                      - GET /api/v1/notification-webhooks/health: 200
                  - name: unauthenticated
                    checks:
                      - GET /api/v1/providers: [401, 307]
                      - request: {method: GET, path: /api/v1/licenses, headers: {Authorization: Bearer invalid}}
                        expect: {status: [307, 401]}
                      - GET /api/v1/reports?page=2: not 5xx
                """);
        assertThat(spec.target().function()).isEqualTo("orders-api");
        assertThat(spec.target().qualifier()).isEqualTo("live");
        assertThat(spec.phases()).extracting(PhaseSpec::name).containsExactly("public", "unauthenticated");
        CheckSpec health = spec.phases().get(0).checks().get(0);
        assertThat(health.name()).isEqualTo("GET /health -> 200");
        assertThat(health.expect().effectiveStatus().accepts(200)).isTrue();
        assertThat(health.expect().effectiveStatus().accepts(204)).isFalse();
        assertThat(health.location().line()).isEqualTo(9);

        List<CheckSpec> unauth = spec.phases().get(1).checks();
        assertThat(unauth.get(0).name()).isEqualTo("GET /api/v1/providers -> 401|307");
        assertThat(unauth.get(1).request().header("authorization")).isEqualTo("Bearer invalid");
        assertThat(unauth.get(1).name()).isEqualTo("GET /api/v1/licenses -> 307|401");
        CheckSpec reports = unauth.get(2);
        assertThat(reports.request().path()).isEqualTo("/api/v1/reports");
        assertThat(reports.request().query()).containsEntry("page", List.of("2"));
        assertThat(reports.expect().effectiveStatus().accepts(404)).isTrue();
        assertThat(reports.expect().effectiveStatus().accepts(502)).isFalse();
    }

    @Test
    void noStatusMeansNot5xx() {
        CheckSpec check = parse("checks:\n  - POST /api/v1/documents\n").phases().get(0).checks().get(0);
        assertThat(check.expect().effectiveStatus().describe()).isEqualTo("not 5xx");
        assertThat(check.name()).isEqualTo("POST /api/v1/documents -> not 5xx");
    }

    @Test
    void fullExpectation() {
        VerifySpec spec = parse("""
                execution: {concurrency: 4, timeout: 5s, deadline: 2m, stopOnFailure: true}
                phases:
                  - name: api
                    expect: {maxLatency: 800ms, headers: {Content-Type: application/json}}
                    checks:
                      - name: status document
                        request:
                          method: post
                          path: /api/v1/status
                          json: {probe: true}
                          query: {tag: [a, b]}
                        expect:
                          status: 2xx
                          headers: {X-Request-Id: {matches: "^[a-f0-9-]+$"}}
                          json: {/status: ok, /items: {exists: true}, /version: {matches: "^1\\\\."}}
                          bodyContains: [ok]
                        timeout: 3s
                """);
        assertThat(spec.execution()).isEqualTo(new ExecutionSpec(4, Duration.ofSeconds(5), Duration.ofMinutes(2), true));
        CheckSpec c = spec.phases().get(0).checks().get(0);
        assertThat(c.name()).isEqualTo("status document");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.request().method()).isEqualTo("POST");
        assertThat(c.request().body()).isEqualTo("{\"probe\":true}");
        assertThat(c.request().header("content-type")).isEqualTo("application/json");
        assertThat(c.request().query()).containsEntry("tag", List.of("a", "b"));
        assertThat(c.expect().headers()).extracting(HeaderExpectation::name).containsExactly("Content-Type", "X-Request-Id");
        assertThat(c.expect().json()).hasSize(3);
        assertThat(c.expect().maxLatency()).isEqualTo(Duration.ofMillis(800));
        assertThat(c.expect().describe()).startsWith("status 2xx, header Content-Type = application/json");
    }

    @Test
    void unknownKeyNamesLineColumnAndSuggestion() {
        String msg = errorOf("""
                target:
                  fucntion: orders-api
                phases:
                  - name: p
                    checks: [GET /health]
                """);
        assertThat(msg).isEqualTo("lambda-verify.yaml:2:3: unknown key 'fucntion' in target (did you mean 'function'?); "
                + "allowed: alias, artifact, baseUrl, endpointUrl, eventFormat, function, handler, logicalId, mode, "
                + "namePrefix, nameRegex, profile, qualifier, region, runtime, stack, template");
    }

    @Test
    void invalidStatusCodeAndEmptyPhaseReportedTogether() {
        String msg = errorOf("""
                phases:
                  - name: public
                    checks:
                      - GET /health: 700
                  - name: empty
                    checks: []
                """);
        assertThat(msg).contains("lambda-verify.yaml:4:22: status 700 is not an HTTP status code (100-599)")
                .contains("lambda-verify.yaml:6:13: the checks of phase 'empty' are empty");
    }

    @Test
    void malformedYamlIsOneClearLine() {
        String msg = errorOf("phases:\n  - name: [unclosed\n");
        assertThat(msg).startsWith("lambda-verify.yaml:").contains("not valid YAML").doesNotContain("\n");
    }

    @Test
    void wrongTypesNameTheValue() {
        assertThat(errorOf("execution: {concurrency: many}\nchecks: [GET /]\n"))
                .isEqualTo("lambda-verify.yaml:1:26: concurrency must be a whole number, found text 'many'");
        assertThat(errorOf("execution: {timeout: 30}\nchecks: [GET /]\n"))
                .isEqualTo("lambda-verify.yaml:1:22: timeout '30' is not a duration: write it with a unit, e.g. 500ms, 30s, 10m");
        assertThat(errorOf("checks: [FETCH /x]\n"))
                .contains("'FETCH' is not an HTTP method");
        assertThat(errorOf("target: {mode: lamda}\nchecks: [GET /]\n"))
                .contains("mode 'lamda' is not one of lambda, http, local (did you mean 'lambda'?)");
    }

    @Test
    void emptyAndMissingPhases() {
        assertThat(errorOf("")).contains("the config is empty");
        assertThat(errorOf("target: {function: f}\n")).contains("no 'phases'");
        assertThat(errorOf("phases: []\n")).contains("'phases' is empty");
    }

    @Test
    void duplicateKeysAreErrors() {
        assertThat(errorOf("target: {function: a}\ntarget: {function: b}\nchecks: [GET /]\n"))
                .contains("duplicate key 'target'");
    }

    @Test
    void inlinePhasesFromPipelineMaps() {
        List<PhaseSpec> phases = SpecLoader.phasesFromTree(List.of(
                Map.of("name", "public", "checks", List.of(Map.of("GET /health", 200)))), "step parameter");
        assertThat(phases.get(0).checks().get(0).name()).isEqualTo("GET /health -> 200");
        assertThatThrownBy(() -> SpecLoader.phasesFromTree(List.of(Map.of("nmae", "x")), "step parameter"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("step parameter phases[0].nmae: unknown key 'nmae' in a phase (did you mean 'name'?)");
    }

    @Test
    void logScanPatterns() {
        VerifySpec spec = parse("""
                checks: [GET /]
                logScan:
                  patterns: ["ModuleNotFoundError", {name: slow, regex: "took \\\\d+ms", threshold: 3}]
                  ignore: ["healthcheck"]
                  settle: 10s
                """);
        assertThat(spec.logScan().patterns()).containsExactly(
                new LogPatternSpec("ModuleNotFoundError", "ModuleNotFoundError", 0),
                new LogPatternSpec("slow", "took \\d+ms", 3));
        assertThat(spec.logScan().settle()).isEqualTo(Duration.ofSeconds(10));
        assertThat(errorOf("checks: [GET /]\nlogScan: {patterns: [\"(unclosed\"]}\n"))
                .contains("'(unclosed' is not a valid regular expression");
    }

    @Test
    void logScanRequiredIsOffByDefaultAndNeedsTheScanOn() {
        assertThat(parse("checks: [GET /]\n").logScan().required()).isFalse();
        assertThat(parse("checks: [GET /]\nlogScan: {required: true}\n").logScan().required()).isTrue();
        // overrides from flags or step parameters keep it
        VerifySpec required = parse("checks: [GET /]\nlogScan: {required: true}\n");
        assertThat(new SpecOverrides(null, null, null, null, null, false, false,
                List.of(new LogPatternSpec("x", "x", 0)), null, null, null, false).applyTo(required).logScan().required())
                .isTrue();
        assertThat(errorOf("checks: [GET /]\nlogScan: {enabled: false, required: true}\n"))
                .contains("logScan.required is true but the scan is disabled (enabled: false): drop one of them");
    }

    @Test
    void quotedShorthandInFlowLists() {
        List<CheckSpec> checks = parse("checks: [\"GET /a: [401, 307]\", \"GET /b: 2xx|404\", GET /c]")
                .phases().get(0).checks();
        assertThat(checks).extracting(CheckSpec::name)
                .containsExactly("GET /a -> 401|307", "GET /b -> 404|2xx", "GET /c -> not 5xx");
    }

    @Test
    void aMissingOrMisnamedFileSaysHowThisFrontEndNamesAnother(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("verify.yaml");
        assertThatThrownBy(() -> SpecLoader.load(missing, "set config: 'path' on the step"))
                .hasMessage(missing + ": config file not found: create it (see docs/getting-started.md) or set "
                        + "config: 'path' on the step");
        assertThatThrownBy(() -> SpecLoader.load(missing)).hasMessageEndingWith("or name another one")
                .message().doesNotContain("-c");
        Path folder = Files.createDirectory(dir.resolve("deploy"));
        assertThatThrownBy(() -> SpecLoader.load(folder))
                .hasMessageContaining("is a directory, not a config file: name another one, e.g. "
                        + folder.resolve("lambda-verify.yaml"));
    }
}
