package io.jenkins.plugins.lambdaverify.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.platform.HostPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment a local function process starts with, on Linux and under Windows' rules. */
class LocalProcessEnvironmentTest {
    @TempDir
    Path dir;

    private Map<String, String> environment(RuntimeLanguage language, HostPlatform platform) {
        Interpreter interpreter = new Interpreter(language, dir.resolve("interpreters").resolve("bin").resolve("run"),
                "3.12.4");
        LocalFunctionConfig config = new LocalFunctionConfig("Fn", dir.resolve("fn"), "app.handler", "python3.12",
                Map.of("PATH", "/not/the/users", "STAGE", "dev"), Duration.ofSeconds(3), 128, "eu-west-1",
                List.of(dir.resolve("layer1"), dir.resolve("layer2")));
        return LocalProcess.environment(interpreter, config, "stream", "nonce", platform);
    }

    @Test
    void onLinuxPathIsTheInterpretersDirectoryThenTheSystemsWithColons() {
        Map<String, String> env = environment(RuntimeLanguage.NODE, new HostPlatform(false, "/home/me/bin", null, null));
        String bin = dir.resolve("interpreters").resolve("bin").toString();
        assertThat(env).containsEntry("PATH", bin + ":/usr/local/bin:/usr/bin:/bin").containsEntry("STAGE", "dev")
                .doesNotContainKey("SystemRoot")
                .containsEntry("LAMBDA_VERIFY_LAYERS", dir.resolve("layer1") + ":" + dir.resolve("layer2"));
        assertThat(env.get("NODE_PATH")).isEqualTo(dir.resolve("layer1") + "/nodejs/node_modules:"
                + dir.resolve("layer2") + "/nodejs/node_modules:" + dir.resolve("fn"));
    }

    @Test
    void underWindowsRulesPathUsesSemicolonsAndTheSystemDirectoryAndKeepsSystemRoot() {
        Map<String, String> env = environment(RuntimeLanguage.PYTHON,
                new HostPlatform(true, "C:\\Users\\me\\bin", null, "D:\\Win"));
        String bin = dir.resolve("interpreters").resolve("bin").toString();
        // Python on Windows cannot even seed its random numbers without SystemRoot.
        assertThat(env).containsEntry("PATH", bin + ";D:\\Win\\System32;D:\\Win").containsEntry("SystemRoot", "D:\\Win")
                .containsEntry("LAMBDA_VERIFY_LAYERS", dir.resolve("layer1") + ";" + dir.resolve("layer2"))
                .doesNotContainKey("NODE_PATH");
    }
}
