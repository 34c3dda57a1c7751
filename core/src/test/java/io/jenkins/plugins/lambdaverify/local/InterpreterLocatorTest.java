package io.jenkins.plugins.lambdaverify.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.lambdaverify.platform.HostPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class InterpreterLocatorTest {
    /** Why most of these tests are disabled on Windows. */
    private static final String SH_FAKES = "the fake interpreters are #!/bin/sh scripts made executable with POSIX"
            + " permissions";

    /** A fake interpreter that answers the probe like the real one: its path, then a version. */
    private static Path fake(Path dir, String name, String version) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\necho " + file + "\necho " + version + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = SH_FAKES)
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
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = SH_FAKES)
    void anExactVersionThatDoesNotRunFallsBackToPython3(@TempDir Path dir) throws IOException {
        Path generic = fake(dir, "python3", "3.11.7");
        Path shim = dir.resolve("python3.13");
        Files.writeString(shim, "#!/bin/sh\necho 'pyenv: python3.13: command not found' >&2\nexit 127\n");
        Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(new InterpreterLocator(dir.toString()).locate(RuntimeLanguage.PYTHON, "python3.13").executable())
                .isEqualTo(generic);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = SH_FAKES)
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

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = SH_FAKES)
    void withWindowsRulesPythonExeIsFoundThroughPathextAfterPython3(@TempDir Path dir) throws IOException {
        // python.org's Windows installer provides python.exe only; here the .exe is a sh script.
        Path python = fake(dir, "python.exe", "3.12.4");
        Files.writeString(dir.resolve("python3"), "not a Windows program: no PATHEXT extension");
        InterpreterLocator windows = new InterpreterLocator(new HostPlatform(true, dir.toString(), null, null));
        assertThat(windows.locate(RuntimeLanguage.PYTHON, "python3.12"))
                .isEqualTo(new Interpreter(RuntimeLanguage.PYTHON, python, "3.12.4"));

        Path node = fake(dir, "node.cmd", "v20.11.1");
        assertThat(windows.locate(RuntimeLanguage.NODE).executable()).isEqualTo(node);
    }

    @Test
    void python2NamedPythonIsNeverTriedOutsideWindows() {
        InterpreterLocator posix = new InterpreterLocator(new HostPlatform(false, "", null, null));
        InterpreterLocator windows = new InterpreterLocator(new HostPlatform(true, "", null, null));
        assertThat(posix.commands(RuntimeLanguage.PYTHON, "python3.12")).containsExactly("python3.12", "python3");
        assertThat(windows.commands(RuntimeLanguage.PYTHON, "python3.12"))
                .containsExactly("python3.12", "python3", "python");
        assertThat(windows.commands(RuntimeLanguage.NODE, "nodejs20.x")).containsExactly("node");
    }

    @Test
    void missingInterpreterOnWindowsNamesBothPythonCommands(@TempDir Path dir) {
        InterpreterLocator windows = new InterpreterLocator(new HostPlatform(true, dir.toString(), null, null));
        assertThatThrownBy(() -> windows.locate(RuntimeLanguage.PYTHON, "python3.12"))
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessage("neither 'python3' nor 'python' is on PATH; install it to run python3.x functions locally");
        assertThatThrownBy(() -> windows.locate(RuntimeLanguage.NODE))
                .hasMessage("'node' is not on PATH; install it to run nodejs*.x functions locally");
    }
}
