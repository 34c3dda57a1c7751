package io.jenkins.plugins.lambdaverify.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamTemplateReaderTest {

    @Test
    void readsTheExampleTemplateWithGlobalsMergedAndShortTagsResolved() {
        Path template = LocalTestSupport.exampleApp().resolve("template.yaml");
        SamTemplate sam = new SamTemplateReader("eu-west-1").read(template);

        assertThat(sam.functions()).extracting(SamFunction::logicalId)
                .containsExactly("ApiFunction", "NotificationWorkerFunction");
        SamFunction api = sam.function("ApiFunction");
        assertThat(api.handler()).isEqualTo("app.handler");
        assertThat(api.runtime()).isEqualTo("python3.12");
        assertThat(api.timeoutSeconds()).isEqualTo(15);
        assertThat(api.memorySizeMb()).isEqualTo(512);
        assertThat(api.codeDir()).isEqualTo(template.getParent().resolve("src").toAbsolutePath().normalize());
        assertThat(api.environment())
                .containsEntry("LOG_LEVEL", "INFO")
                .containsEntry("STAGE", "dev")
                .containsEntry("TOKEN_SIGNING_KEY", "local-development-signing-key")
                .containsEntry("NOTIFICATIONS_QUEUE_URL",
                        "https://sqs.eu-west-1.amazonaws.com/123456789012/notifications");

        SamFunction worker = sam.function("NotificationWorkerFunction");
        assertThat(worker.handler()).isEqualTo("worker.handler");
        assertThat(worker.timeoutSeconds()).isEqualTo(10);
        assertThat(worker.memorySizeMb()).isEqualTo(256);
        assertThat(worker.environment()).containsEntry("TABLE_ARN", "NotificationsTable.Arn")
                .containsEntry("STAGE", "dev");
    }

    @Test
    void builtTemplatePointsEachFunctionAtItsOwnBuildDirectory() {
        Path template = LocalTestSupport.builtTemplate("good");
        SamTemplate sam = new SamTemplateReader().read(template);
        assertThat(sam.function("ApiFunction").codeDir()).isEqualTo(template.getParent().resolve("ApiFunction"));
        assertThat(sam.function("NotificationWorkerFunction").codeDir())
                .isEqualTo(template.getParent().resolve("NotificationWorkerFunction"));
    }

    @Test
    void longFormIntrinsicsDefaultsAndFunctionNameLookup(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, """
                Parameters:
                  Env: {Type: String, Default: prod}
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: orders-api
                      CodeUri: ./fn
                      Handler: index.handler
                      Runtime: nodejs20.x
                      Environment:
                        Variables:
                          A: {"Ref": "Env"}
                          B: {"Fn::Join": ["-", ["x", !Ref Env, {"Fn::Sub": "${AWS::Region}"}]]}
                          C: !Sub ["${Name}-queue", {Name: !Ref Env}]
                          D: 42
                          E: !If [IsProd, a, b]
                  Plain:
                    Type: AWS::Lambda::Function
                    Properties:
                      Code: plain
                      Handler: main.handler
                      Runtime: python3.13
                  Table:
                    Type: AWS::DynamoDB::Table
                """);
        SamTemplate sam = new SamTemplateReader("ap-south-1").read(template);

        SamFunction fn = sam.function("orders-api");
        assertThat(fn.logicalId()).isEqualTo("Fn");
        assertThat(fn.timeoutSeconds()).isEqualTo(SamFunction.DEFAULT_TIMEOUT_SECONDS);
        assertThat(fn.memorySizeMb()).isEqualTo(SamFunction.DEFAULT_MEMORY_MB);
        assertThat(fn.codeDir()).isEqualTo(dir.resolve("fn"));
        assertThat(fn.environment()).containsEntry("A", "prod").containsEntry("B", "x-prod-ap-south-1")
                .containsEntry("C", "prod-queue").containsEntry("D", "42").containsEntry("E", "");
        assertThat(sam.function("Plain").codeDir()).isEqualTo(dir.resolve("plain"));
        assertThat(sam.functions()).hasSize(2);
    }

    @Test
    void unknownFunctionNamesTheFunctionsThatExist() {
        SamTemplate sam = new SamTemplateReader().read(LocalTestSupport.exampleApp().resolve("template.yaml"));
        assertThatThrownBy(() -> sam.function("Nope"))
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessageContaining("'Nope'")
                .hasMessageContaining("ApiFunction, NotificationWorkerFunction");
    }

    @Test
    void missingOrInvalidTemplateIsAClearError(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> new SamTemplateReader().read(dir.resolve("template.yaml")))
                .isInstanceOf(LocalRuntimeException.class).hasMessageContaining("sam build");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "Resources:\n  Fn: [unclosed\n");
        assertThatThrownBy(() -> new SamTemplateReader().read(bad))
                .isInstanceOf(LocalRuntimeException.class).hasMessageContaining("not valid YAML");
        Path bogus = dir.resolve("t.yaml");
        Files.writeString(bogus, """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: x, Timeout: soon}
                """);
        assertThatThrownBy(() -> new SamTemplateReader().read(bogus))
                .isInstanceOf(LocalRuntimeException.class).hasMessage("function Fn: Timeout 'soon' is not a whole number");
    }
}
