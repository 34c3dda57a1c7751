package io.jenkins.plugins.lambdaverify.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The published JSON Schema (docs/) and the keys the loader accepts must not drift apart. */
class ConfigSchemaInStepTest {
    private static final JsonNode SCHEMA = JsonMapper.builder().build()
            .readTree(Path.of("..", "docs", "lambda-verify.schema.json").toFile());

    private static Set<String> keys(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.get("properties").propertyNames().forEach(out::add);
        return out;
    }

    @Test
    void everyObjectListsExactlyTheKeysTheLoaderAccepts() {
        JsonNode defs = SCHEMA.get("$defs");
        assertThat(keys(SCHEMA)).isEqualTo(new TreeSet<>(SpecBinder.ROOT_KEYS));
        assertThat(keys(defs.get("target"))).isEqualTo(new TreeSet<>(SpecBinder.TARGET_KEYS));
        assertThat(keys(defs.get("execution"))).isEqualTo(new TreeSet<>(SpecBinder.EXECUTION_KEYS));
        assertThat(keys(defs.get("phase"))).isEqualTo(new TreeSet<>(SpecBinder.PHASE_KEYS));
        assertThat(keys(defs.get("check").get("oneOf").get(2))).isEqualTo(new TreeSet<>(SpecBinder.CHECK_KEYS));
        assertThat(keys(defs.get("request"))).isEqualTo(new TreeSet<>(SpecBinder.REQUEST_KEYS));
        assertThat(keys(defs.get("expect"))).isEqualTo(new TreeSet<>(SpecBinder.EXPECT_KEYS));
        assertThat(keys(defs.get("logScan"))).isEqualTo(new TreeSet<>(SpecBinder.LOG_SCAN_KEYS));
        JsonNode rollback = defs.get("rollback").get("oneOf").get(1);
        assertThat(keys(rollback)).isEqualTo(new TreeSet<>(SpecBinder.ROLLBACK_KEYS));
        assertThat(keys(rollback.get("properties").get("sam"))).isEqualTo(new TreeSet<>(SpecBinder.SAM_KEYS));
    }

    @Test
    void configReferenceDocumentsEveryKey() throws Exception {
        String reference = Files.readString(Path.of("..", "docs", "config-reference.md"));
        Set<String> all = new TreeSet<>();
        all.addAll(SpecBinder.ROOT_KEYS);
        all.addAll(SpecBinder.TARGET_KEYS);
        all.addAll(SpecBinder.EXECUTION_KEYS);
        all.addAll(SpecBinder.PHASE_KEYS);
        all.addAll(SpecBinder.REQUEST_KEYS);
        all.addAll(SpecBinder.EXPECT_KEYS);
        all.addAll(SpecBinder.LOG_SCAN_KEYS);
        all.addAll(SpecBinder.LOG_PATTERN_KEYS);
        all.addAll(SpecBinder.ROLLBACK_KEYS);
        all.addAll(SpecBinder.SAM_KEYS);
        assertThat(all).allSatisfy(key -> assertThat(reference).contains("`" + key + "`"));
    }
}
