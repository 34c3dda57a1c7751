package io.jenkins.plugins.lambdaverify.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogCorrelatorTest {
    static final String A = "8f5a0c1e-1111-4a6b-9d1e-0123456789ab";
    static final String B = "0b9d2f3a-2222-4c5d-8e7f-fedcba987654";
    static final String C = "c0ffee00-3333-4c5d-8e7f-fedcba987654";

    static LogEvent e(String stream, String message) {
        return new LogEvent(Instant.EPOCH, stream, message);
    }

    @Test
    void collectsTheLinesOfRequestedIdsIncludingJavaLinesWithoutTheId() {
        LogCorrelator c = new LogCorrelator(List.of(A));
        c.accept(e("s1", "START RequestId: " + A + " Version: 7"));
        c.accept(e("s2", "START RequestId: " + B + " Version: 7"));
        c.accept(e("s1", "com.example.Handler - loading routers"));          // no id: belongs to A by stream
        c.accept(e("s2", "com.example.Handler - serving B"));                // B is not asked about
        c.accept(e("s1", "java.lang.IllegalStateException: boom"));
        c.accept(e("s1", "END RequestId: " + A));
        c.accept(e("s1", "REPORT RequestId: " + A + "\tDuration: 12.00 ms"));
        c.accept(e("s1", "after the request: not A's"));
        c.accept(e("s1", "START RequestId: " + C + " Version: 7"));
        c.accept(e("s1", "[ERROR]\t2026-11-28T10:00:02Z\t" + C + "\tother request"));

        assertThat(c.lines(A)).extracting(LogEvent::message).containsExactly(
                "START RequestId: " + A + " Version: 7",
                "com.example.Handler - loading routers",
                "java.lang.IllegalStateException: boom",
                "END RequestId: " + A,
                "REPORT RequestId: " + A + "\tDuration: 12.00 ms");
        assertThat(c.lines(B)).isEmpty();
    }

    @Test
    void jsonPlatformRecordsAndBoundedLines() {
        LogCorrelator c = new LogCorrelator(List.of(A, B), 3);
        c.accept(e("s1", "{\"time\":\"t\",\"type\":\"platform.start\",\"record\":{\"requestId\":\"" + B + "\",\"version\":\"7\"}}"));
        c.accept(e("s1", "{\"level\":\"ERROR\",\"message\":\"no id here\"}"));
        c.accept(e("s1", "{\"time\":\"t\",\"type\":\"platform.report\",\"record\":{\"requestId\":\"" + B + "\"}}"));
        c.accept(e("s1", "{\"level\":\"INFO\",\"message\":\"after\"}"));
        for (int i = 0; i < 5; i++) {
            c.accept(e("s3", "[INFO] " + A + " line " + i));
        }
        assertThat(c.lines(B)).hasSize(3).extracting(LogEvent::message).element(1).isEqualTo("{\"level\":\"ERROR\",\"message\":\"no id here\"}");
        assertThat(c.lines(A)).hasSize(3);
        assertThat(c.dropped(A)).isEqualTo(2);
    }
}
