package io.jenkins.plugins.lambdaverify.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.lambdaverify.invoke.event.EventContext;
import io.jenkins.plugins.lambdaverify.invoke.event.EventFactory;
import io.jenkins.plugins.lambdaverify.spec.EventFormat;
import io.jenkins.plugins.lambdaverify.spec.RequestSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The invoker over a transport like the local runtime's: raw bytes in, raw answer out. */
class LambdaEventInvokerTest {

    /** Records what it was sent and answers with a fixed raw invocation. */
    static final class ScriptedTransport implements FunctionTransport {
        final List<byte[]> sent = new ArrayList<>();
        final List<Duration> timeouts = new ArrayList<>();
        final RawInvocation answer;
        boolean closed;

        ScriptedTransport(RawInvocation answer) {
            this.answer = answer;
        }

        @Override
        public RawInvocation invoke(byte[] payload, Duration timeout) {
            sent.add(payload);
            timeouts.add(timeout);
            return answer;
        }

        @Override
        public String describe() {
            return "local:ApiFunction";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sendsTheEventAndCombinesTheAnswerWithTheLogTail() throws Exception {
        String log = "START RequestId: local-1 Version: $LATEST\nEND RequestId: local-1\n"
                + "REPORT RequestId: local-1\tDuration: 5.00 ms\tBilled Duration: 5 ms\tMemory Size: 128 MB\t"
                + "Max Memory Used: 30 MB\tInit Duration: 812.50 ms\n";
        ScriptedTransport transport = new ScriptedTransport(new RawInvocation(
                utf8("{\"statusCode\":401,\"body\":\"{\\\"detail\\\":\\\"Not authenticated\\\"}\"}"), null, log,
                "$LATEST", "fallback-id"));
        LambdaEventInvoker invoker = LambdaEventInvoker.of(EventFormat.APIGATEWAY_V2, EventContext.defaults(),
                transport);

        InvocationResponse r = invoker.invoke(RequestSpec.get("/api/v1/me"), Duration.ofSeconds(7));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("Not authenticated");
        assertThat(r.requestId()).isEqualTo("local-1");
        assertThat(r.initDurationMs()).isEqualTo(812.5);
        assertThat(r.executedVersion()).isEqualTo("$LATEST");
        assertThat(r.logTail()).isEqualTo(log);
        assertThat(transport.timeouts).containsExactly(Duration.ofSeconds(7));
        JsonNode event = JsonMapper.shared().readTree(transport.sent.get(0));
        assertThat(event.get("version").stringValue()).isEqualTo("2.0");
        assertThat(event.get("rawPath").stringValue()).isEqualTo("/api/v1/me");
        assertThat(invoker.describe()).isEqualTo("local:ApiFunction [apigateway-v2 event]");
        invoker.close();
        assertThat(transport.closed).isTrue();
    }

    @Test
    void functionErrorWithoutLogTailKeepsTheTransportsRequestId() throws Exception {
        ScriptedTransport transport = new ScriptedTransport(new RawInvocation(
                utf8("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: x Error: Runtime exited "
                        + "with error: exit status 1\"}"), "Unhandled", null, null, "transport-id"));
        InvocationResponse r = LambdaEventInvoker.of(EventFormat.ALB, EventContext.defaults(), transport)
                .invoke(RequestSpec.get("/"), Duration.ofSeconds(1));
        assertThat(r.statusCode()).isNull();
        assertThat(r.functionError().errorType()).isEqualTo("Runtime.ExitError");
        assertThat(r.requestId()).isEqualTo("transport-id");
        assertThat(r.coldStart()).isFalse();
    }

    @Test
    void eventAndResponseFormatsMustMatch() {
        assertThatThrownBy(() -> new LambdaEventInvoker(
                EventFactory.forFormat(EventFormat.APIGATEWAY_V1, EventContext.defaults()),
                new ScriptedTransport(null), new ProxyResponseParser(EventFormat.APIGATEWAY_V2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apigateway-v1")
                .hasMessageContaining("apigateway-v2");
    }
}
