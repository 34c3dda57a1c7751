package io.jenkins.plugins.lambdaverify.cli;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * CloudWatch Logs for the fake function: what {@link LazyRouterFunction} logged, answered to FilterLogEvents
 * (one page, every event; the reader filters streams by version itself).
 */
final class FakeLogGroup implements ResponseDefinitionTransformerV2 {
    static final String NAME = "fake-log-group";
    private static final JsonMapper JSON = JsonMapper.shared();

    private final List<Map<String, Object>> events = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    synchronized void append(String stream, List<String> messages) {
        long now = System.currentTimeMillis();
        for (String m : messages) {
            events.add(Map.of("logStreamName", stream, "timestamp", now, "ingestionTime", now,
                    "message", m + "\n", "eventId", String.valueOf(ids.incrementAndGet())));
        }
    }

    synchronized int size() {
        return events.size();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
                .withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(JSON.writeValueAsString(Map.of("events", List.copyOf(events), "searchedLogStreams", List.of())))
                .build();
    }
}
