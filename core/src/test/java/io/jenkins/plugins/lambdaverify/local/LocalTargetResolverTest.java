package io.jenkins.plugins.lambdaverify.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.lambdaverify.spec.Mode;
import io.jenkins.plugins.lambdaverify.spec.TargetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTargetResolverTest {

    private static TargetSpec target(String function, String template, String artifact, String handler,
                                     String runtime) {
        return new TargetSpec(Mode.LOCAL, function, null, "eu-west-1", null, null, null, null, null, null, null,
                template, artifact, handler, runtime);
    }

    @Test
    void resolvesALogicalIdFromTheBuiltTemplate() {
        Path template = LocalTestSupport.builtTemplate("good");
        Path workspace = template.getParent().getParent();
        LocalFunctionConfig config = LocalTargetResolver.resolve(
                target("ApiFunction", workspace.relativize(template).toString(), null, null, null), workspace);
        assertThat(config.functionName()).isEqualTo("ApiFunction");
        assertThat(config.artifactDir()).isEqualTo(template.getParent().resolve("ApiFunction"));
        assertThat(config.handler()).isEqualTo("app.handler");
        assertThat(config.runtime()).isEqualTo("python3.12");
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.memoryMb()).isEqualTo(512);
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.environment()).containsEntry("STAGE", "dev");
    }

    @Test
    void defaultTemplateSingleFunctionAndOverrides(@TempDir Path workspace) throws Exception {
        Files.createDirectories(workspace.resolve(".aws-sam/build/Fn"));
        Files.writeString(workspace.resolve(".aws-sam/build/template.yaml"), """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: Fn, Handler: app.handler, Runtime: python3.12, Timeout: 7}
                """);
        LocalFunctionConfig config = LocalTargetResolver.resolve(target(null, null, null, "other.main", null),
                workspace);
        assertThat(config.functionName()).isEqualTo("Fn");
        assertThat(config.handler()).isEqualTo("other.main");
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void explicitArtifactNeedsHandlerAndRuntime(@TempDir Path workspace) {
        LocalFunctionConfig config = LocalTargetResolver.resolve(
                target(null, null, "dist/fn", "index.handler", "nodejs20.x"), workspace);
        assertThat(config.artifactDir()).isEqualTo(workspace.resolve("dist/fn"));
        assertThat(config.functionName()).isEqualTo("fn");
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> LocalTargetResolver.resolve(target(null, null, "dist/fn", null, null), workspace))
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessage("target.artifact dist/fn needs target.handler and target.runtime too"
                        + " (e.g. app.handler and python3.12)");
    }

    @Test
    void severalFunctionsNeedAName() {
        Path template = LocalTestSupport.builtTemplate("good");
        assertThatThrownBy(() -> LocalTargetResolver.resolve(target(null, template.toString(), null, null, null),
                Path.of("/")))
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessageContaining("functions ApiFunction, NotificationWorkerFunction; set target.function");
    }
}
