package io.jenkins.plugins.lambdaverify.result;

import java.util.List;

/**
 * What the rollback did after a failed verification.
 *
 * @param strategy    {@code alias}, {@code sam} or {@code command}
 * @param status      done, refused, failed or dry run
 * @param reason      one line: why refused or failed, or what was done
 * @param fromVersion the version (or artifact) that failed verification
 * @param toVersion   the version (or artifact) rolled back to
 * @param output      masked output lines of an external command (sam, command), may be empty
 */
public record RollbackOutcome(String strategy, Status status, String reason, String fromVersion, String toVersion,
                              List<String> output) {
    public enum Status {
        DONE, REFUSED, FAILED, DRY_RUN
    }

    public RollbackOutcome {
        output = output == null ? List.of() : List.copyOf(output);
    }
}
