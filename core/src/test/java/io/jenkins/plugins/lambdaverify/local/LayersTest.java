package io.jenkins.plugins.lambdaverify.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.testing.RequiredTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Layers of the template are importable as from /opt on Lambda; nothing else outside the task root is. */
@Timeout(60)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = LocalTestSupport.LINUX_SANDBOX)
class LayersTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    @Test
    void pythonAndNodeFunctionsImportFromTheirTemplateLayers(@TempDir Path dir) throws Exception {
        RequiredTools.assumeInterpreter(RuntimeLanguage.PYTHON);
        RequiredTools.assumeInterpreter(RuntimeLanguage.NODE);
        Files.writeString(dir.resolve("template.yaml"), """
                Globals:
                  Function:
                    Layers: [!Ref SharedLayer]
                Resources:
                  SharedLayer:
                    Type: AWS::Serverless::LayerVersion
                    Properties: {ContentUri: SharedLayer}
                  PyFn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: PyFn
                      Handler: app.handler
                      Runtime: python3.12
                      Layers: ["arn:aws:lambda:us-east-1:123456789012:layer:elsewhere:1"]
                  NodeFn:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: NodeFn, Handler: index.handler, Runtime: nodejs20.x}
                """);
        LocalTestSupport.function(dir, "SharedLayer", Map.of(
                "python/shared_util.py", "def greet():\n    return 'from the layer'\n",
                "nodejs/node_modules/shared-util/index.js", "exports.greet = () => 'from the node layer';\n"));
        LocalTestSupport.function(dir, "PyFn", Map.of("app.py", """
                import os, sys, shared_util
                def handler(event, context):
                    return {"greeting": shared_util.greet(), "path1": sys.path[1],
                            "leaked": any("LAMBDA_VERIFY" in k for k in os.environ)}
                """));
        LocalTestSupport.function(dir, "NodeFn", Map.of("index.js", """
                const shared = require('shared-util');
                exports.handler = async () => shared.greet();
                """));
        Path template = dir.resolve("template.yaml");

        SamTemplate sam = new SamTemplateReader().read(template);
        assertThat(sam.function("PyFn").layerDirs()).containsExactly(dir.resolve("SharedLayer"));
        assertThat(sam.function("NodeFn").layerDirs()).containsExactly(dir.resolve("SharedLayer"));

        LocalLogBuffer logs = new LocalLogBuffer();
        try (LocalFunctionTransport py = LocalTestSupport.RUNTIME.open(template, "PyFn", null, logs, 1);
             LocalFunctionTransport node = LocalTestSupport.RUNTIME.open(template, "NodeFn", null, logs, 1)) {
            var out = ApiGatewayV1Events.parse(py.invokeLocal(EMPTY, TIMEOUT).payload());
            assertThat(out.path("greeting").asString()).isEqualTo("from the layer");
            assertThat(out.path("path1").asString()).isEqualTo(dir.resolve("SharedLayer/python/lib").toString()
                    + "/python" + py.interpreter().version().replaceAll("^(\\d+\\.\\d+).*", "$1") + "/site-packages");
            assertThat(out.path("leaked").asBoolean()).isFalse();
            assertThat(new String(node.invokeLocal(EMPTY, TIMEOUT).payload(), StandardCharsets.UTF_8))
                    .isEqualTo("\"from the node layer\"");
        }
    }

    @Test
    void withoutTheLayerTheSameImportFails(@TempDir Path dir) throws Exception {
        RequiredTools.assumeInterpreter(RuntimeLanguage.PYTHON);
        LocalTestSupport.function(dir, "SharedLayer", Map.of("python/shared_util.py", "def greet():\n    return 1\n"));
        Path fn = LocalTestSupport.function(dir, "PyFn", Map.of("app.py",
                "import shared_util\ndef handler(event, context):\n    return 1\n"));
        LocalFunctionConfig config = new LocalFunctionConfig("PyFn", fn, "app.handler", "python3.12", Map.of(),
                TIMEOUT, 128, null, List.of());
        try (LocalFunctionTransport t = LocalTestSupport.RUNTIME.open(config, new LocalLogBuffer(), 1)) {
            assertThat(ApiGatewayV1Events.parse(t.invokeLocal(EMPTY, TIMEOUT).payload()).path("errorMessage")
                    .asString()).isEqualTo("Unable to import module 'app': No module named 'shared_util'");
        }
    }
}
