package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.lambdaverify.report.JsonReportReader;
import io.jenkins.plugins.lambdaverify.result.RollbackPoint;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.TargetInfo;
import io.jenkins.plugins.lambdaverify.spec.RollbackSpec;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Iterator;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The pure part of carrying a {@code sam} rollback point from one build to the next ones of the same job: the step
 * empties its report directory on every run, so the controller keeps {@code report.json} and its template in the
 * build's own directory ({@link StoredRollbackPoints} does the Jenkins side). No Jenkins type here: plain files and
 * values, tested without a Jenkins.
 */
final class RollbackPoints {
    /** Directory under the build's root directory; one sub-directory per verification id. */
    static final String STORE_DIR = "lambda-verify";

    /** Sub-directory of the report directory the carried point is copied to; the agent keeps it when cleaning. */
    static final String PREVIOUS_DIR = "previous";

    /** The JSON report's name ({@code AgentVerification.JSON_FILE}; defined here, free of Jenkins types). */
    static final String REPORT_FILE = "report.json";

    /** A report bigger than this is not kept: a sane report with its checks is far smaller. */
    static final long MAX_REPORT_BYTES = 16L * 1024 * 1024;

    /** CloudFormation's own limit for a template read from S3: a bigger one cannot have been deployed. */
    static final long MAX_TEMPLATE_BYTES = 1024L * 1024;

    /** How many earlier builds are looked at for a point: enough for a run of failures, bounded for big jobs. */
    static final int MAX_BUILDS_BACK = 100;

    private RollbackPoints() {}

    /**
     * The template file (relative to the report's directory) of the rollback point {@code report} recorded or carried
     * forward, or {@code null} when it holds none usable: no point, one not recorded, or a template path outside the
     * report's directory, naming the report itself, or under {@link #PREVIOUS_DIR}.
     */
    @CheckForNull
    static String templateOf(Path report) throws IOException {
        RunReport read = new JsonReportReader().read(report);
        RollbackPoint point = read.rollbackPoint();
        if (point == null || !point.recorded() || point.templateFile() == null) {
            return null;
        }
        Path dir = report.toAbsolutePath().getParent();
        Path template = dir.resolve(point.templateFile()).normalize();
        // not the report itself (the copy would overwrite it) nor under previous/ (the carried point's own place)
        boolean usable = template.startsWith(dir)
                && !template.equals(dir)
                && !template.equals(dir.resolve(REPORT_FILE))
                && !template.startsWith(dir.resolve(PREVIOUS_DIR));
        return usable ? point.templateFile() : null;
    }

    /** Where a build (its root directory) keeps the point of verification {@code id}. */
    static Path storeDir(Path buildDir, String id) {
        return buildDir.resolve(STORE_DIR).resolve(id);
    }

    /** The numbers of the builds before build {@code number}, newest first. */
    static Iterator<Integer> earlierNumbers(int number) {
        return IntStream.iterate(number - 1, n -> n >= 1, n -> n - 1).iterator();
    }

    /** Why a file of {@code size} bytes is not kept, or {@code null} when it fits {@code limit}. */
    @CheckForNull
    static String sizeProblem(String name, long size, long limit) {
        return size > limit ? name + " is " + size + " bytes, more than the " + limit + " kept" : null;
    }

    /**
     * The newest of {@code newestFirst} (earlier builds, newest first) for which {@code hasPoint} holds, looking at no
     * more than {@code limit} of them; {@code null} when none does.
     */
    @CheckForNull
    static <B> B newestWith(Iterator<B> newestFirst, Predicate<B> hasPoint, int limit) {
        for (int seen = 0; seen < limit && newestFirst.hasNext(); seen++) {
            B build = newestFirst.next();
            if (hasPoint.test(build)) {
                return build;
            }
        }
        return null;
    }

    /**
     * The rollback settings with {@code carried} as the previous report when the run would otherwise have nothing to
     * go back to: strategy {@code sam}, and neither {@code previousReport} nor {@code sam.templateFile} given (an
     * explicit choice always wins). Unchanged otherwise.
     */
    static RollbackSpec withCarried(RollbackSpec r, @CheckForNull String carried) {
        if (carried == null || !usesCarried(r)) {
            return r;
        }
        return new RollbackSpec(
                r.strategy(),
                r.previousVersion(),
                carried,
                r.dryRun(),
                r.reverify(),
                r.timeout(),
                r.sam(),
                r.command());
    }

    /**
     * Why the point carried in {@code previous} (an earlier build's report of the same step id) belongs to another
     * deployment than the one {@code spec} verifies, or {@code null} when nothing says so. The id comes from the
     * step's flow-node id, which moves when the Pipeline is edited and between {@code parallel} branches, so the
     * earlier build may have verified something else. A named stack must be the point's stack (by name or ARN); with
     * no stack, the function must be the one the earlier run resolved (its stack is the point's); a region named on
     * both sides must agree. A point not recorded is left to core, which says why it cannot be used.
     */
    @CheckForNull
    static String otherDeployment(RunReport previous, VerifySpec spec) {
        RollbackPoint point = previous.rollbackPoint();
        if (point == null || !point.recorded()) {
            return null;
        }
        RollbackSpec.Sam sam = spec.rollback().sam();
        String stack = sam != null && sam.stackName() != null
                ? sam.stackName()
                : spec.target().stack();
        String region = sam != null && sam.region() != null
                ? sam.region()
                : spec.target().region();
        if (region != null && point.region() != null && !region.equals(point.region())) {
            return "it is for region " + point.region() + ", this run verifies " + region;
        }
        if (stack != null) {
            return stack.equals(point.stackName()) || stack.equals(point.stackId())
                    ? null
                    : "it is for stack " + point.stackName() + ", this run verifies stack " + stack;
        }
        String function = functionName(spec.target().function());
        if (function == null) {
            return "this run names neither a stack nor a function to match it with: set target.stack";
        }
        TargetInfo earlier = previous.target();
        String earlierFunction = earlier == null ? null : earlier.functionName();
        return function.equals(earlierFunction)
                ? null
                : "it is for stack " + point.stackName() + " of function " + earlierFunction
                        + ", this run verifies function " + function;
    }

    /** The bare name of a function given as a name, {@code name:qualifier}, or a (partial) ARN. */
    @CheckForNull
    static String functionName(@CheckForNull String function) {
        if (function == null || function.isBlank()) {
            return null;
        }
        int at = function.indexOf(":function:");
        String name = at >= 0 ? function.substring(at + ":function:".length()) : function;
        int colon = name.indexOf(':');
        return colon >= 0 ? name.substring(0, colon) : name;
    }

    static boolean usesCarried(RollbackSpec r) {
        return r.strategy() == RollbackSpec.Strategy.SAM
                && r.previousReport() == null
                && (r.sam() == null || r.sam().templateFile() == null);
    }

    /**
     * Empties {@code dir} (creating it when missing) but for its child {@code keep} when that is not {@code null}:
     * an old report must never pass for a new one, and the carried point must survive.
     */
    static void clear(Path dir, @CheckForNull String keep) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                if (keep == null || !child.getFileName().toString().equals(keep)) {
                    deleteRecursively(child);
                }
            }
        }
    }

    /** Replaces {@code target} by the complete {@code staged} directory, so no reader ever sees half a point. */
    static void commit(Path staged, Path target) throws IOException {
        Path old = target.resolveSibling(target.getFileName() + ".old");
        deleteRecursively(old);
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(old);
    }

    /** Deletes {@code path} and everything under it; links are deleted, never followed. */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
