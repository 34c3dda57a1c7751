package io.jenkins.plugins.lambdaverify.result;

/** Why the run ended. Reports are written in every case. */
public enum Termination {
    /** Every phase ran (or was skipped by stop-on-failure). */
    COMPLETED,
    /** The global deadline passed; checks not yet run are SKIPPED. */
    DEADLINE,
    /** The run was interrupted (Jenkins abort, Ctrl-C). */
    ABORTED
}
