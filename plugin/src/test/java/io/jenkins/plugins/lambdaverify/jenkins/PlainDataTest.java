package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainDataTest {
    @Test
    void groovyValuesBecomePlainJava() {
        // StringBuilder stands in for a GString: any CharSequence that is not a String.
        List<Map<String, Object>> phases = PlainData.listOfMaps(List.of(Map.of(
                "name",
                new StringBuilder("smoke"),
                "checks",
                List.of(Map.of(
                        "path",
                        "/health",
                        "maxLatencySeconds",
                        new BigDecimal("1.5"),
                        "status",
                        BigInteger.valueOf(200),
                        "retry",
                        Boolean.TRUE)))));

        Map<String, Object> phase = phases.get(0);
        assertThat(phase.get("name")).isEqualTo("smoke");
        @SuppressWarnings("unchecked")
        Map<String, Object> check = ((List<Map<String, Object>>) phase.get("checks")).get(0);
        assertThat(check)
                .containsEntry("path", "/health")
                .containsEntry("maxLatencySeconds", 1.5d)
                .containsEntry("status", 200L)
                .containsEntry("retry", true);
    }

    @Test
    void keepsTheOrderUsersWrote() {
        Map<String, Object> ordered = new java.util.LinkedHashMap<>();
        ordered.put("z", 1);
        ordered.put("a", 2);

        assertThat(PlainData.listOfMaps(List.of(ordered)).get(0).keySet()).containsExactly("z", "a");
    }

    @Test
    void nullMeansNoPhases() {
        assertThat(PlainData.listOfMaps(null)).isEmpty();
    }

    @Test
    void anEntryThatIsNotAMapIsAClearError() {
        assertThatThrownBy(() -> PlainData.listOfMaps(List.of("GET /health")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phases must be a list of maps")
                .hasMessageContaining("GET /health");
    }
}
