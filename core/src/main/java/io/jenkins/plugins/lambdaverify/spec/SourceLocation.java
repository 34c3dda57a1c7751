package io.jenkins.plugins.lambdaverify.spec;

/** Where something was written: file (may be {@code null} for inline config), 1-based line and column. */
public record SourceLocation(String file, int line, int column) {
    public static final SourceLocation UNKNOWN = new SourceLocation(null, 0, 0);

    @Override
    public String toString() {
        String f = file == null ? "<inline>" : file;
        return line <= 0 ? f : f + ":" + line + ":" + column;
    }
}
