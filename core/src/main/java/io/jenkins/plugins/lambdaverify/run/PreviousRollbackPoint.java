package io.jenkins.plugins.lambdaverify.run;

import io.jenkins.plugins.lambdaverify.report.JsonReportReader;
import io.jenkins.plugins.lambdaverify.result.RollbackPoint;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.rollback.SamRollback;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rollback point a previous good run recorded ({@code rollback.previousReport}), with its template read back and
 * checked against the recorded SHA-256: what a {@code sam} rollback deploys, and what a run that records no point of
 * its own carries forward.
 *
 * @param point    the point, with its template text; {@code null} when {@link #problem} says why there is none
 * @param template where its template is (beside the previous report)
 * @param problem  why no usable point was found, or {@code null}
 */
record PreviousRollbackPoint(RollbackPoint point, Path template, String problem) {

    static PreviousRollbackPoint load(Path workDir, String file) {
        Path path = workDir == null ? Path.of(file) : workDir.resolve(file);
        RunReport previous;
        try {
            previous = new JsonReportReader().read(path);
        } catch (IOException | RuntimeException e) {
            return none("cannot read the previous report " + file + ": " + e.getMessage());
        }
        RollbackPoint point = previous.rollbackPoint();
        if (point == null) {
            return none("the previous report " + file + " has no rollback point: one is recorded when a run with "
                    + "rollback strategy sam and a stack (target.stack or rollback.sam.stackName) passes");
        }
        if (!point.recorded() || point.templateFile() == null) {
            return none("the previous report " + file + " has no usable rollback point: "
                    + (point.problem() != null ? point.problem() : "it names no template"));
        }
        Path dir = path.toAbsolutePath().getParent();
        Path template = dir.resolve(point.templateFile()).normalize();
        if (!template.startsWith(dir)) {
            return none("the previous report's template " + point.templateFile() + " is outside its directory: it is "
                    + "not deployed");
        }
        String problem = SamRollback.checkTemplate(template, point.templateSha256());
        if (problem != null) {
            return none(problem);
        }
        try {
            return new PreviousRollbackPoint(point.withTemplate(Files.readString(template, StandardCharsets.UTF_8)),
                    template, null);
        } catch (IOException e) {
            return none("cannot read the rollback point's template " + template + ": " + e.getMessage());
        }
    }

    private static PreviousRollbackPoint none(String problem) {
        return new PreviousRollbackPoint(null, null, problem);
    }
}
