package io.jenkins.plugins.lambdaverify.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterpreterLocatorTest {

    /** A fake interpreter that answers the probe like the real one: its path, then a version. */
    private static Path fake(Path dir, String name, String version) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\necho " + file + "\necho " + version + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void prefersTheRuntimesExactPythonThenPython3(@TempDir Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path generic = fake(bin, "python3", "3.11.7");
        Path exact = fake(bin, "python3.12", "3.12.4");
        InterpreterLocator locator = new InterpreterLocator(dir.resolve("empty") + ":" + bin);

        assertThat(locator.locate(RuntimeLanguage.PYTHON, "python3.12"))
                .isEqualTo(new Interpreter(RuntimeLanguage.PYTHON, exact, "3.12.4"));
        assertThat(locator.locate(RuntimeLanguage.PYTHON, "python3.13"))
                .isEqualTo(new Interpreter(RuntimeLanguage.PYTHON, generic, "3.11.7"));
        assertThat(locator.locate(RuntimeLanguage.PYTHON).executable()).isEqualTo(generic);
    }

    @Test
    void anExactVersionThatDoesNotRunFallsBackToPython3(@TempDir Path dir) throws IOException {
        Path generic = fake(dir, "python3", "3.11.7");
        Path shim = dir.resolve("python3.13");
        Files.writeString(shim, "#!/bin/sh\necho 'pyenv: python3.13: command not found' >&2\nexit 127\n");
        Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(new InterpreterLocator(dir.toString()).locate(RuntimeLanguage.PYTHON, "python3.13").executable())
                .isEqualTo(generic);
    }

    @Test
    void missingOrBrokenInterpreterIsAOneLineError(@TempDir Path dir) throws IOException {
        InterpreterLocator none = new InterpreterLocator(dir.toString());
        assertThatThrownBy(() -> none.locate(RuntimeLanguage.NODE, "nodejs20.x"))
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessage("'node' is not on PATH; install it to run nodejs*.x functions locally");

        Path broken = dir.resolve("node");
        Files.writeString(broken, "#!/bin/sh\necho 'libnode.so: not found'\nexit 127\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> new InterpreterLocator(dir.toString()).locate(RuntimeLanguage.NODE))
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessage(broken + " does not run (libnode.so: not found); fix the installation or PATH");
    }
}
