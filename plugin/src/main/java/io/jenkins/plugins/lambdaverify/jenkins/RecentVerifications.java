package io.jenkins.plugins.lambdaverify.jenkins;

import java.io.File;

/** Whether a job verified lately, from its build directories alone (plain files, tested without a Jenkins). */
final class RecentVerifications {
    private RecentVerifications() {}

    /**
     * Whether one of the {@code count} build numbers below {@code nextBuildNumber} has the file {@code fileName} a
     * verification writes into its build's directory ({@code buildDir/<number>/fileName}).
     */
    static boolean any(File buildDir, String fileName, int nextBuildNumber, int count) {
        for (int n = nextBuildNumber - 1; n >= 1 && n >= nextBuildNumber - count; n--) {
            if (new File(new File(buildDir, Integer.toString(n)), fileName).isFile()) {
                return true;
            }
        }
        return false;
    }
}
