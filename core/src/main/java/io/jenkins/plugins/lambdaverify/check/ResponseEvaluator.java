package io.jenkins.plugins.lambdaverify.check;

import io.jenkins.plugins.lambdaverify.invoke.InvocationResponse;
import io.jenkins.plugins.lambdaverify.spec.Expectation;
import io.jenkins.plugins.lambdaverify.spec.HeaderExpectation;
import io.jenkins.plugins.lambdaverify.spec.JsonExpectation;
import io.jenkins.plugins.lambdaverify.spec.StatusExpectation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether a response meets an expectation. Pure: no I/O, no clocks. Each unmet expectation becomes
 * one sentence that says what was expected and what came back.
 */
public final class ResponseEvaluator {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Evaluation evaluate(Expectation expect, InvocationResponse response, Duration latency) {
        List<String> failures = new ArrayList<>();
        if (response.functionError() != null) {
            // The function did not produce a response at all: the code did not load or crashed.
            failures.add("function error " + response.functionError().summary()
                    + " (expected status " + expect.effectiveStatus().describe() + ")");
            return new Evaluation(failures);
        }
        StatusExpectation status = expect.effectiveStatus();
        Integer code = response.statusCode();
        if (code == null || !status.accepts(code)) {
            failures.add("expected status " + status.describe() + " but was " + code);
        }
        for (HeaderExpectation h : expect.headers()) {
            checkHeader(h, response.header(h.name()), failures);
        }
        if (!expect.json().isEmpty()) {
            checkJson(expect.json(), response.body(), failures);
        }
        for (String text : expect.bodyContains()) {
            if (response.body() == null || !response.body().contains(text)) {
                failures.add("expected body to contain \"" + text + "\"");
            }
        }
        if (expect.maxLatency() != null && latency.compareTo(expect.maxLatency()) > 0) {
            failures.add("expected latency <= " + expect.maxLatency().toMillis() + " ms but was "
                    + latency.toMillis() + " ms");
        }
        return new Evaluation(failures);
    }

    private static void checkHeader(HeaderExpectation h, String actual, List<String> failures) {
        if (h.equalTo() != null && !h.equalTo().equals(actual)) {
            failures.add("expected " + h.describe() + " but was " + quote(actual));
        } else if (h.matches() != null && (actual == null || !h.matches().matcher(actual).find())) {
            failures.add("expected " + h.describe() + " but was " + quote(actual));
        } else if (h.present() != null && h.present() != (actual != null)) {
            failures.add("expected " + h.describe() + (actual == null ? " but it was missing" : " but was " + quote(actual)));
        }
    }

    private static void checkJson(List<JsonExpectation> expectations, String body, List<String> failures) {
        JsonNode root;
        try {
            root = body == null ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || root.isMissingNode()) {
            failures.add("expected a JSON body for " + expectations.get(0).describe() + " but the body is not JSON");
            return;
        }
        for (JsonExpectation j : expectations) {
            JsonNode node = root.at(j.pointer());
            boolean exists = !node.isMissingNode();
            if (j.exists() != null) {
                if (j.exists() != exists) {
                    failures.add("expected " + j.describe() + (exists ? " but it was " + node : " but it was missing"));
                }
            } else if (!exists) {
                failures.add("expected " + j.describe() + " but " + j.pointer() + " was missing");
            } else if (j.equalTo() != null && !jsonEquals(j.equalTo(), node)) {
                failures.add("expected " + j.describe() + " but was " + node);
            } else if (j.contains() != null && !contains(node, j.contains())) {
                failures.add("expected " + j.describe() + " but was " + node);
            } else if (j.matches() != null && !j.matches().matcher(text(node)).find()) {
                failures.add("expected " + j.describe() + " but was " + node);
            }
        }
    }

    private static boolean jsonEquals(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        // YAML gives "ok" for ok and 200 for 200; a body may carry "200": compare scalars as text too
        if (expected.isValueNode() && actual.isValueNode()) {
            return expected.equals(actual) || text(expected).equals(text(actual)) && !actual.isNull();
        }
        return expected.equals(actual);
    }

    private static boolean contains(JsonNode node, String text) {
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (text(item).equals(text)) {
                    return true;
                }
            }
            return false;
        }
        return text(node).contains(text);
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asString() : node.toString();
    }

    private static String quote(String s) {
        return s == null ? "missing" : "\"" + s + "\"";
    }
}
