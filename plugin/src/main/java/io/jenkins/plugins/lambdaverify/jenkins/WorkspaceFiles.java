package io.jenkins.plugins.lambdaverify.jenkins;

import io.jenkins.plugins.lambdaverify.spec.SourceLocation;
import io.jenkins.plugins.lambdaverify.spec.SpecException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Workspace files a step parameter names. They must stay inside the workspace: {@code config: '../../x'} would
 * otherwise read any file the agent process can read (on the built-in node, the controller's) and echo what fails
 * to parse into the build log.
 */
final class WorkspaceFiles {
    private WorkspaceFiles() {}

    /**
     * @param workspace the workspace root
     * @param parameter the parameter's name, for the message (e.g. {@code config})
     * @param path      the path as given, relative to the workspace (or absolute, inside it)
     * @param where     how the message names the step's parameters
     * @return the normalized path inside the workspace
     * @throws SpecException (one line) when the path is not a valid path or leads outside the workspace
     */
    static Path inside(Path workspace, String parameter, String path, String where) {
        Path root = workspace.toAbsolutePath().normalize();
        Path file;
        try {
            file = root.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw new SpecException(
                    new SourceLocation(where, 0, 0),
                    parameter + " '" + path + "' is not a valid path: " + e.getReason());
        }
        if (!file.startsWith(root) || file.equals(root)) {
            throw new SpecException(
                    new SourceLocation(where, 0, 0),
                    parameter + " '" + path + "' is outside the workspace: give a file inside it, e.g. "
                            + "deploy/verify.yaml");
        }
        return file;
    }
}
