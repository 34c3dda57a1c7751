package io.jenkins.plugins.lambdaverify.jenkins;

import java.util.ArrayList;
import java.util.List;

/**
 * The name of the GitHub (or other SCM) check a verification publishes through the junit plugin. Each verification
 * needs its own: junit publishes every attachment's result under the name it is given, so two verifications of one
 * build sharing a name would overwrite each other's check (a later pass hiding an earlier failure). Stable across
 * builds, so the next build of the same commit updates the same check.
 */
final class ChecksName {
    static final String PREFIX = "Lambda verification";

    private ChecksName() {}

    /**
     * {@code Lambda verification / <stage and branch names, outermost first> / <target>}, e.g.
     * {@code Lambda verification / Verify / staging / lambda:orders-api:live}.
     *
     * @param blocksInnermostFirst the enclosing stage and parallel branch names, innermost first (as junit's
     *                             {@code JUnitResultsStepExecution.getEnclosingBlockNames} gives them); empty in
     *                             freestyle
     * @param target               what was verified (the summary's target), or the verification id when unknown
     */
    static String of(List<String> blocksInnermostFirst, String target) {
        List<String> parts = new ArrayList<>();
        parts.add(PREFIX);
        for (int i = blocksInnermostFirst.size() - 1; i >= 0; i--) {
            parts.add(blocksInnermostFirst.get(i));
        }
        parts.add(target);
        return String.join(" / ", parts);
    }
}
