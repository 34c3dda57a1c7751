package io.jenkins.plugins.lambdaverify.jenkins;

import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import io.jenkins.plugins.lambdaverify.report.XmlChars;

/**
 * The one line the controller gets when a verification fails on the agent with an unexpected exception. Only text
 * goes back: an exception of a library (an SDK exception holds its error details, a core exception its own types)
 * would be refused by Jenkins' class filter on its way to the controller, which then reports the refusal instead of
 * the error.
 */
final class AgentFailure {
    private AgentFailure() {}

    /** e.g. {@code lambda-verify: the verification failed on the agent: IllegalStateException: ... (caused by ...)}. */
    static String message(Throwable failure, SecretMasker masker) {
        StringBuilder line = new StringBuilder("lambda-verify: the verification failed on the agent: ")
                .append(describe(failure, masker));
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != failure) {
            line.append(" (caused by ").append(describe(root, masker)).append(')');
        }
        return line.toString();
    }

    private static String describe(Throwable t, SecretMasker masker) {
        String message = t.getMessage();
        String name = t.getClass().getSimpleName();
        return message == null || message.isBlank()
                ? name
                : name + ": " + XmlChars.cleanOneLine(masker.maskText(message));
    }
}
