package io.jenkins.plugins.lambdaverify.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LogTailTest {

    static final String COLD = """
            INIT_START Runtime Version: python:3.12.v38	Runtime Version ARN: arn:aws:lambda:eu-west-1::runtime:abc
            START RequestId: 8f5e3c1a-1111-4a2b-9c3d-000000000001 Version: 7
            [ERROR] Runtime.ImportModuleError: Unable to import module 'app': No module named 'src'
            END RequestId: 8f5e3c1a-1111-4a2b-9c3d-000000000001
            REPORT RequestId: 8f5e3c1a-1111-4a2b-9c3d-000000000001	Duration: 2.43 ms	Billed Duration: 146 ms	Memory Size: 512 MB	Max Memory Used: 57 MB	Init Duration: 142.48 ms
            """;

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void coldStartReportLine() {
        LogTail t = LogTail.parse(LogTail.decode(base64(COLD)));
        assertThat(t.requestId()).isEqualTo("8f5e3c1a-1111-4a2b-9c3d-000000000001");
        assertThat(t.durationMs()).isEqualTo(2.43);
        assertThat(t.billedDurationMs()).isEqualTo(146.0);
        assertThat(t.memorySizeMb()).isEqualTo(512);
        assertThat(t.maxMemoryUsedMb()).isEqualTo(57);
        assertThat(t.initDurationMs()).isEqualTo(142.48);
        assertThat(t.coldStart()).isTrue();
        assertThat(t.text()).contains("No module named 'src'");
    }

    @Test
    void warmInvocationHasNoInitDuration() {
        LogTail t = LogTail.parse("START RequestId: abc Version: $LATEST\nhello\nEND RequestId: abc\n"
                + "REPORT RequestId: abc\tDuration: 10.00 ms\tBilled Duration: 10 ms\tMemory Size: 128 MB\t"
                + "Max Memory Used: 40 MB\t\n");
        assertThat(t.requestId()).isEqualTo("abc");
        assertThat(t.durationMs()).isEqualTo(10.0);
        assertThat(t.initDurationMs()).isNull();
        assertThat(t.coldStart()).isFalse();
    }

    @Test
    void tailCutBeforeTheReportStillGivesTheRequestId() {
        LogTail t = LogTail.parse("ost recent call last)\nSTART RequestId: r-1 Version: 3\nworking...\n");
        assertThat(t.requestId()).isEqualTo("r-1");
        assertThat(t.durationMs()).isNull();
    }

    @Test
    void jsonLogFormat() {
        String json = """
                {"time":"2026-03-12T19:03:58.390Z","type":"platform.start","record":{"requestId":"j-1","version":"$LATEST"}}
                {"timestamp":"2026-03-12T19:03:58Z","level":"ERROR","message":"boom","requestId":"j-1"}
                {"time":"2026-03-12T19:03:58.500Z","type":"platform.report","record":{"requestId":"j-1","metrics":{"durationMs":12.5,"billedDurationMs":13,"memorySizeMB":256,"maxMemoryUsedMB":80,"initDurationMs":300.25},"status":"success"}}
                """;
        LogTail t = LogTail.parse(json);
        assertThat(t.requestId()).isEqualTo("j-1");
        assertThat(t.durationMs()).isEqualTo(12.5);
        assertThat(t.billedDurationMs()).isEqualTo(13.0);
        assertThat(t.memorySizeMb()).isEqualTo(256);
        assertThat(t.maxMemoryUsedMb()).isEqualTo(80);
        assertThat(t.initDurationMs()).isEqualTo(300.25);
    }

    @Test
    void nothingToRead() {
        assertThat(LogTail.decode(null)).isNull();
        assertThat(LogTail.decode("  ")).isNull();
        assertThat(LogTail.parse(null)).isEqualTo(LogTail.empty());
        assertThat(LogTail.parse("just a line").requestId()).isNull();
    }
}
