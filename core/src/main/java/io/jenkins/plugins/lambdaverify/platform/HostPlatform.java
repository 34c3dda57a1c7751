package io.jenkins.plugins.lambdaverify.platform;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The few facts about the machine that decide how a program is found: Windows or not, {@code PATH}, and on
 * Windows {@code PATHEXT} and {@code SystemRoot}. A value, so the Windows rules are testable on any machine.
 *
 * <p>Why it exists: {@link ProcessBuilder} on Windows appends only {@code .exe} to a bare name, so {@code sam}
 * (installed as {@code sam.cmd}) is not found; and a file on Windows has no executable bit.
 *
 * @param windows    whether the rules of Windows apply
 * @param path       the {@code PATH} value (may be empty)
 * @param pathExt    Windows' {@code PATHEXT} (ignored elsewhere)
 * @param systemRoot Windows' {@code SystemRoot} (ignored elsewhere)
 */
public record HostPlatform(boolean windows, String path, String pathExt, String systemRoot) {
    /** What Windows uses when {@code PATHEXT} is not set. */
    static final String DEFAULT_PATHEXT = ".COM;.EXE;.BAT;.CMD";

    public HostPlatform {
        path = path == null ? "" : path;
        pathExt = pathExt == null || pathExt.isBlank() ? DEFAULT_PATHEXT : pathExt;
        systemRoot = systemRoot == null || systemRoot.isBlank() ? "C:\\Windows" : systemRoot;
    }

    /** This JVM's machine and environment. */
    public static HostPlatform current() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return new HostPlatform(windows, System.getenv("PATH"), System.getenv("PATHEXT"), System.getenv("SystemRoot"));
    }

    /** The same machine with another {@code PATH}. */
    public HostPlatform withPath(String newPath) {
        return new HostPlatform(windows, newPath, pathExt, systemRoot);
    }

    /** {@code ;} on Windows, {@code :} elsewhere. */
    public String pathSeparator() {
        return windows ? ";" : ":";
    }

    /**
     * The file a command name runs, searched on {@code PATH} as the shell would: on Windows with each
     * {@code PATHEXT} extension appended (a name that already has one of them is tried as it is first), elsewhere
     * an executable regular file. A name with a directory in it is not searched.
     */
    public Optional<Path> find(String command) {
        if (command == null || command.isBlank() || command.contains("/") || (windows && command.contains("\\"))) {
            return Optional.empty();
        }
        List<String> names = names(command);
        for (String dir : path.split(pathSeparator())) {
            String d = windows ? dir.strip().replace("\"", "") : dir;
            if (d.isBlank()) {
                continue;
            }
            for (String name : names) {
                Path file;
                try {
                    file = Path.of(d, name);
                } catch (InvalidPathException e) {
                    continue; // a PATH entry this file system cannot even name
                }
                // Windows has no executable bit: a file with a PATHEXT extension is a program.
                if (Files.isRegularFile(file) && (windows || Files.isExecutable(file))) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    /** The names to try in each directory, in order. */
    List<String> names(String command) {
        if (!windows) {
            return List.of(command);
        }
        List<String> extensions = new ArrayList<>();
        for (String ext : pathExt.split(";")) {
            if (!ext.isBlank()) {
                extensions.add(ext.strip().toLowerCase(Locale.ROOT));
            }
        }
        List<String> names = new ArrayList<>();
        int dot = command.lastIndexOf('.');
        if (dot > 0 && extensions.contains(command.substring(dot).toLowerCase(Locale.ROOT))) {
            names.add(command);
        }
        for (String ext : extensions) {
            names.add(command + ext);
        }
        return names;
    }

    /**
     * A command with its program resolved where the JVM alone would not find it: on Windows a bare name becomes
     * the {@code PATHEXT} file on {@code PATH} ({@code sam} becomes {@code ...\sam.cmd}). Elsewhere, or when nothing
     * is found (the start then fails with the usual "not found"), the command is returned as it is.
     */
    public List<String> resolveProgram(List<String> command) {
        if (!windows || command.isEmpty()) {
            return command;
        }
        Optional<Path> program = find(command.get(0));
        if (program.isEmpty()) {
            return command;
        }
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, program.get().toString());
        return resolved;
    }
}
