package io.jenkins.plugins.lambdaverify.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and validates {@code lambda-verify.yaml}, or a spec given as Java maps (Pipeline parameters). Every problem
 * is reported at once, each with file:line:column, the offending value and what to write.
 */
public final class SpecLoader {

    private SpecLoader() {
    }

    /** Reads a config file; a missing one is reported as "create it or name another one". */
    public static VerifySpec load(Path file) {
        return load(file, "name another one");
    }

    /**
     * Reads a config file.
     *
     * @param howToNameAnother how this front end names another file, for the "not found" message, e.g. "pass another
     *                         with -c" in the CLI or "set config: 'path' on the step" in Jenkins
     */
    public static VerifySpec load(Path file, String howToNameAnother) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SpecException(new SourceLocation(file.toString(), 0, 0),
                    "config file not found: create it (see docs/getting-started.md) or " + howToNameAnother);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new SpecException(firstInvalidByte(file), "config file is not UTF-8 text: save it as UTF-8");
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new SpecException(new SourceLocation(file.toString(), 0, 0),
                        "is a directory, not a config file: " + howToNameAnother + ", e.g. "
                                + file.resolve("lambda-verify.yaml"));
            }
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new SpecException(new SourceLocation(file.toString(), 0, 0), "cannot read the config file ("
                    + why + "): check that it exists and is readable");
        }
        return parse(text, file.toString());
    }

    /** Where the first byte that is not UTF-8 is, so the user can find it (line and column of the bad byte). */
    private static SourceLocation firstInvalidByte(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            var decoder = StandardCharsets.UTF_8.newDecoder();
            java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
            java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
            var result = decoder.decode(in, out, true);
            if (result.isError()) {
                String before = out.flip().toString();
                int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
                int column = before.length() - before.lastIndexOf('\n');
                return new SourceLocation(file.toString(), line, column);
            }
        } catch (IOException ignored) {
            // fall through: the file name alone
        }
        return new SourceLocation(file.toString(), 0, 0);
    }

    public static VerifySpec parse(String yaml, String fileName) {
        Node root = new LocatedTreeReader(fileName).read(yaml);
        return new SpecBinder(fileName).bind(root);
    }

    /** A whole spec from Java maps and lists, e.g. Jenkins step parameters; {@code origin} names them in errors. */
    public static VerifySpec fromTree(java.util.Map<String, ?> tree, String origin) {
        Node root = new JavaTreeReader(origin).read(tree, "");
        return new SpecBinder(origin).bind(root);
    }

    /** Only phases from Java maps and lists (the Jenkins step's inline {@code phases}). */
    public static List<PhaseSpec> phasesFromTree(List<?> phases, String origin) {
        Node node = new JavaTreeReader(origin).read(phases, "phases");
        return new SpecBinder(origin).bindPhases(node);
    }

    /** Only phases from YAML text (e.g. a {@code --check} list in YAML). */
    public static List<PhaseSpec> phasesFromYaml(String yaml, String origin) {
        Node node = new LocatedTreeReader(origin).read(yaml);
        if (node == null) {
            throw new SpecException(new SourceLocation(origin, 1, 1), "no phases given");
        }
        return new SpecBinder(origin).bindPhases(node);
    }
}
