package io.jenkins.plugins.lambdaverify.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalLogBufferTest {
    private static LocalLogEvent event(long second, String requestId, String message) {
        return new LocalLogEvent(Instant.ofEpochSecond(second), "Fn", "stream", requestId, message);
    }

    @Test
    void selectsByTimeRangeAndRequestAndTellsTheListener() {
        List<String> heard = new ArrayList<>();
        LocalLogBuffer logs = new LocalLogBuffer(10, e -> heard.add(e.message()));
        logs.append(event(10, "a", "one"));
        logs.append(event(20, "b", "two"));
        logs.append(event(30, "a", "three"));
        logs.append(event(40, null, "between"));

        assertThat(logs.events(Instant.ofEpochSecond(20), Instant.ofEpochSecond(30)))
                .extracting(LocalLogEvent::message).containsExactly("two", "three");
        assertThat(logs.events(null, Instant.ofEpochSecond(10))).extracting(LocalLogEvent::message)
                .containsExactly("one");
        assertThat(logs.eventsFor("a")).extracting(LocalLogEvent::message).containsExactly("one", "three");
        assertThat(heard).containsExactly("one", "two", "three", "between");
    }

    @Test
    void dropsTheOldestPastCapacityAndCountsThem() {
        LocalLogBuffer logs = new LocalLogBuffer(2);
        logs.append(event(1, "r", "1"));
        logs.append(event(2, "r", "2"));
        logs.append(event(3, "r", "3"));
        assertThat(logs.events()).extracting(LocalLogEvent::message).containsExactly("2", "3");
        assertThat(logs.dropped()).isEqualTo(1);
        assertThat(logs.size()).isEqualTo(2);
    }
}
