package io.jenkins.plugins.lambdaverify.engine;

/** Masks secrets before anything the function or the user sent reaches a result. */
public interface Redactor {
    Redactor NONE = new Redactor() {
        @Override
        public String text(String text) {
            return text;
        }

        @Override
        public String path(String pathWithQuery) {
            return pathWithQuery;
        }
    };

    /** Free text: bodies, log lines, error messages. */
    String text(String text);

    /** A path with query string: token-like parameters masked. */
    String path(String pathWithQuery);
}
