package io.jenkins.plugins.lambdaverify.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetSpecTest {
    /** The example's file: local mode, function = logical id, and logicalId for lambda mode with a stack. */
    private static final TargetSpec FILE = new TargetSpec(Mode.LOCAL, "ApiFunction", null, "eu-west-1", null, null,
            EventFormat.APIGATEWAY_V1, null, "ApiFunction", null, null, null, null, null, null);

    private static TargetSpec flags(String function, String stack, String logicalId, String namePrefix) {
        return new TargetSpec(Mode.LAMBDA, function, "live", null, null, null, null, stack, logicalId, namePrefix, null,
                null, null, null, null);
    }

    @Test
    void aStackOverrideDropsTheFilesFunctionAndKeepsItsLogicalId() {
        TargetSpec t = FILE.overriddenWithLookupBy(flags(null, "orders-api", null, null));
        assertThat(t.function()).isNull();
        assertThat(t.stack()).isEqualTo("orders-api");
        assertThat(t.logicalId()).isEqualTo("ApiFunction");
        assertThat(t.mode()).isEqualTo(Mode.LAMBDA);
        assertThat(t.qualifier()).isEqualTo("live");
        assertThat(t.region()).isEqualTo("eu-west-1");
    }

    @Test
    void aFunctionOverrideDropsTheFilesStackLookup() {
        TargetSpec t = FILE.overriddenWithLookupBy(flags("orders-fn", null, null, null));
        assertThat(t.function()).isEqualTo("orders-fn");
        assertThat(t.stack()).isNull();
        assertThat(t.logicalId()).isNull();
    }

    @Test
    void aNamePrefixOverrideDropsBothOtherWays() {
        TargetSpec t = FILE.overriddenWithLookupBy(flags(null, null, null, "orders-"));
        assertThat(t.function()).isNull();
        assertThat(t.logicalId()).isNull();
        assertThat(t.namePrefix()).isEqualTo("orders-");
    }

    @Test
    void overridesThatDoNotNameTheFunctionKeepTheFilesLookup() {
        TargetSpec t = FILE.overriddenWithLookupBy(flags(null, null, null, null));
        assertThat(t).isEqualTo(FILE.overriddenBy(flags(null, null, null, null)));
        assertThat(t.function()).isEqualTo("ApiFunction");
        assertThat(t.logicalId()).isEqualTo("ApiFunction");
    }
}
