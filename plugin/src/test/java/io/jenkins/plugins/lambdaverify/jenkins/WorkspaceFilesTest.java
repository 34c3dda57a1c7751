package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.lambdaverify.spec.SpecException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config path given to the step cannot reach files outside the workspace. */
class WorkspaceFilesTest {
    private static final String WHERE = "verifyLambdaDeployment parameters";

    @TempDir
    Path workspace;

    @Test
    void pathsInsideTheWorkspaceAreNormalized() {
        assertThat(WorkspaceFiles.inside(workspace, "config", "deploy/../deploy/./verify.yaml", WHERE))
                .isEqualTo(workspace.toAbsolutePath().normalize().resolve("deploy/verify.yaml"));
        assertThat(WorkspaceFiles.inside(
                        workspace,
                        "config",
                        workspace.resolve("lambda-verify.yaml").toString(),
                        WHERE))
                .isEqualTo(workspace.toAbsolutePath().normalize().resolve("lambda-verify.yaml"));
    }

    @Test
    void pathsLeadingOutsideAreRefusedWithOneLine() {
        for (String outside : new String[] {"../secrets.yaml", "deploy/../../x.yaml", "/etc/passwd", "."}) {
            assertThatThrownBy(() -> WorkspaceFiles.inside(workspace, "config", outside, WHERE))
                    .as(outside)
                    .isInstanceOf(SpecException.class)
                    .hasMessageContaining("config '" + outside + "' is outside the workspace")
                    .hasMessageNotContaining("\n");
        }
    }
}
