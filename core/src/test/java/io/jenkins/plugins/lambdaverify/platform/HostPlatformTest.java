package io.jenkins.plugins.lambdaverify.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** How a program name becomes a file: the shell's rules, Windows' given as data so they are checked everywhere. */
class HostPlatformTest {
    @TempDir
    Path dir;

    private Path file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "");
    }

    private HostPlatform windows(String path) {
        return new HostPlatform(true, path, ".COM;.EXE;.BAT;.CMD", "C:\\Windows");
    }

    @Test
    void onWindowsABareNameIsFoundWithPathextInItsOrderWithoutAnExecutableBit() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path cmd = file("sam.cmd");
        assertThat(windows(empty + ";" + dir).find("sam")).contains(cmd);
        Path exe = file("sam.exe");
        assertThat(windows(dir.toString()).find("sam")).as(".EXE comes before .CMD in PATHEXT").contains(exe);
        assertThat(windows(dir.toString()).find("sam.cmd")).as("a name with its extension").contains(cmd);
        assertThat(windows(dir.toString()).find("aws")).isEmpty();
    }

    @Test
    void onWindowsQuotedAndEmptyPathEntriesWorkAndPathextDefaults() throws IOException {
        Path cmd = file("sam.cmd");
        HostPlatform noPathext = new HostPlatform(true, ";\"" + dir + "\";", "", null);
        assertThat(noPathext.find("sam")).contains(cmd);
        assertThat(noPathext.pathExt()).isEqualTo(".COM;.EXE;.BAT;.CMD");
        assertThat(noPathext.systemRoot()).isEqualTo("C:\\Windows");
        assertThat(noPathext.pathSeparator()).isEqualTo(";");
    }

    @Test
    void aNameWithADirectoryIsNeverSearched() throws IOException {
        file("sam.cmd");
        assertThat(windows(dir.toString()).find("bin\\sam")).isEmpty();
        assertThat(windows(dir.toString()).find("./sam")).isEmpty();
        assertThat(new HostPlatform(false, dir.toString(), null, null).find("./sam")).isEmpty();
    }

    @Test
    void onWindowsOnlyTheProgramOfACommandIsResolved() throws IOException {
        Path cmd = file("sam.cmd");
        assertThat(windows(dir.toString()).resolveProgram(List.of("sam", "deploy", "sam")))
                .containsExactly(cmd.toString(), "deploy", "sam");
        assertThat(windows(dir.toString()).resolveProgram(List.of("git", "status")))
                .as("not found: left for the start to report").containsExactly("git", "status");
        assertThat(new HostPlatform(false, dir.toString(), null, null).resolveProgram(List.of("sam", "deploy")))
                .as("elsewhere ProcessBuilder searches PATH itself").containsExactly("sam", "deploy");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "sets POSIX permissions")
    void elsewhereOnlyAnExecutableFileOfExactlyThatNameCounts() throws IOException {
        HostPlatform posix = new HostPlatform(false, dir.resolve("none") + ":" + dir, null, null);
        file("sam.cmd");
        assertThat(posix.find("sam")).as("no PATHEXT outside Windows").isEmpty();
        Path sam = file("sam");
        assertThat(posix.find("sam")).as("not executable").isEmpty();
        Files.setPosixFilePermissions(sam, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(posix.find("sam")).contains(sam);
        assertThat(posix.pathSeparator()).isEqualTo(":");
    }

    @Test
    void currentReadsThisMachine() {
        HostPlatform current = HostPlatform.current();
        assertThat(current.windows()).isEqualTo(OS.WINDOWS.isCurrentOs());
        assertThat(current.pathSeparator()).isEqualTo(java.io.File.pathSeparator);
    }
}
