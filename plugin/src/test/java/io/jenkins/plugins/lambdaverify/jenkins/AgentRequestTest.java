package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.spec.EventFormat;
import io.jenkins.plugins.lambdaverify.spec.LogPatternSpec;
import io.jenkins.plugins.lambdaverify.spec.Mode;
import io.jenkins.plugins.lambdaverify.spec.TargetSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentRequestTest {
    @Test
    void stepParametersOverrideOnlyWhatTheyName() {
        TargetSpec fromFile = new TargetSpec(
                Mode.LAMBDA,
                "orders-api",
                "live",
                "eu-west-1",
                null,
                null,
                EventFormat.APIGATEWAY_V2,
                null,
                null,
                null,
                "ci",
                null,
                null,
                null,
                null);
        AgentRequest.TargetOverrides overrides = new AgentRequest.TargetOverrides(
                null, "orders", "ApiFunction", "canary", null, "http://127.0.0.1:4566", null, null, "alb");

        TargetSpec merged = fromFile.overriddenWithLookupBy(overrides.toTargetSpec());

        // the step names the function by stack + logical id: the file's function name no longer applies
        assertThat(merged.function()).isNull();
        assertThat(merged.stack()).isEqualTo("orders");
        assertThat(merged.logicalId()).isEqualTo("ApiFunction");
        assertThat(merged.qualifier()).isEqualTo("canary");
        assertThat(merged.region()).isEqualTo("eu-west-1");
        assertThat(merged.endpointUrl()).isEqualTo("http://127.0.0.1:4566");
        assertThat(merged.mode()).isEqualTo(Mode.LAMBDA);
        assertThat(merged.eventFormat()).isEqualTo(EventFormat.ALB);
        assertThat(merged.profile()).isEqualTo("ci");
    }

    @Test
    void logPatternsBecomeEngineSpecs() {
        AgentRequest request = request(List.of(new AgentRequest.Pattern("imports", "ModuleNotFoundError", 0)));

        assertThat(request.logPatternSpecs()).containsExactly(new LogPatternSpec("imports", "ModuleNotFoundError", 0));
    }

    @Test
    void theConcurrencyCapIsTheOnlyChange() {
        AgentRequest request = request(List.of());

        AgentRequest capped = request.withConcurrencyCap(3);

        assertThat(capped.concurrencyCap()).isEqualTo(3);
        assertThat(capped.withConcurrencyCap(request.concurrencyCap())).isEqualTo(request);
    }

    @Test
    void phasesAreCopiedSoTheStepCannotChangeThemInFlight() {
        java.util.List<Map<String, Object>> phases = new java.util.ArrayList<>();
        phases.add(new java.util.LinkedHashMap<>(Map.of("name", "public")));
        AgentRequest request = new AgentRequest(
                "7",
                "lambda-verify/7",
                "lambda-verify.yaml",
                false,
                new AgentRequest.TargetOverrides(null, null, null, null, null, null, null, null, null),
                phases,
                List.of(),
                null,
                0,
                0,
                new AgentAws(Map.of(), null, null, false),
                8,
                null);

        phases.get(0).put("name", "changed");
        phases.add(Map.of("name", "added"));

        assertThat(request.phases()).hasSize(1);
        assertThat(request.phases().get(0)).containsEntry("name", "public");
    }

    private static AgentRequest request(List<AgentRequest.Pattern> patterns) {
        return new AgentRequest(
                "7",
                "lambda-verify/7",
                "lambda-verify.yaml",
                false,
                new AgentRequest.TargetOverrides(null, null, null, null, null, null, null, null, null),
                List.of(),
                patterns,
                null,
                0,
                0,
                new AgentAws(Map.of(), null, null, false),
                8,
                null);
    }
}
