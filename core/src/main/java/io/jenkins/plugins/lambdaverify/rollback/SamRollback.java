package io.jenkins.plugins.lambdaverify.rollback;

import io.jenkins.plugins.lambdaverify.result.RollbackPoint;
import io.jenkins.plugins.lambdaverify.spec.RollbackSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides what a {@code sam} rollback deploys: the explicit {@code rollback.sam.templateFile}, or the rollback point a
 * previous good run recorded (its template, parameters and capabilities). Refuses, saying why, whenever the point
 * does not fit the stack being rolled back or its template is not the one recorded.
 */
public final class SamRollback {
    private static final Pattern MASKED = Pattern.compile(".*\\*\\*\\*\\*.*|\\*+", Pattern.DOTALL);

    private SamRollback() {
    }

    /** What to do: refuse, or run a command. */
    public sealed interface Plan permits Refused, Deploy {
    }

    /** @param reason one line: why nothing is deployed */
    public record Refused(String reason) implements Plan {
    }

    /**
     * @param command  the {@code sam deploy} argument list
     * @param template the template deployed, for the report
     * @param kept     parameters sam leaves at the stack's current value (unknown here), with why, for the report
     */
    public record Deploy(List<String> command, String template, List<String> kept) implements Plan {
        public Deploy {
            command = List.copyOf(command);
            kept = List.copyOf(kept);
        }
    }

    /** The explicit template ({@code rollback.sam.templateFile}) with the settings' capabilities and parameters. */
    public static Plan explicit(RollbackSpec.Sam sam, String stack, String region) {
        if (stack == null) {
            return new Refused("the sam strategy needs a stack: set rollback.sam.stackName or target.stack");
        }
        for (Map.Entry<String, String> e : sam.parameterOverrides().entrySet()) {
            if (SamDeployCommand.parameterOverride(e.getKey(), e.getValue()) == null) {
                return new Refused("rollback.sam.parameterOverrides: " + SamDeployCommand.unrepresentable(e.getKey()));
            }
        }
        return new Deploy(SamDeployCommand.build(sam, sam.templateFile(), stack, region), sam.templateFile(), List.of());
    }

    /**
     * @param sam             the settings, or {@code null}: {@code stackName}, {@code region}, {@code capabilities}
     *                        and {@code parameterOverrides} given there win over the recorded ones
     * @param stack           the stack being rolled back ({@code rollback.sam.stackName} or {@code target.stack}), or
     *                        {@code null} to take the point's
     * @param region          this run's region
     * @param point           the recorded point, read from the previous report
     * @param template        where its template is (beside the previous report)
     * @param stackUpdatedNow when the stack was last updated, as DescribeStacks says now, or {@code null} when unknown
     */
    public static Plan fromPoint(RollbackSpec.Sam sam, String stack, String region, RollbackPoint point, Path template,
                                 Instant stackUpdatedNow) {
        if (!point.recorded()) {
            return new Refused("the previous run recorded no rollback point: " + point.problem());
        }
        String target = stack != null ? stack : point.stackName();
        if (stack != null && !sameStack(stack, point)) {
            return new Refused("the rollback point is for stack " + point.stackName() + ", not " + stack
                    + ": it was recorded by another deployment's run");
        }
        if (region != null && point.region() != null && !region.equals(point.region())) {
            return new Refused("the rollback point is for stack " + point.stackName() + " in " + point.region()
                    + ", this run is in " + region);
        }
        String problem = checkTemplate(template, point.templateSha256());
        if (problem != null) {
            return new Refused(problem);
        }
        if (stackUpdatedNow != null && stackUpdatedNow.equals(point.lastUpdatedTime())) {
            return new Refused("stack " + target + " has not been updated since its rollback point was recorded (last "
                    + "updated " + stackUpdatedNow + "): deploying it again would change nothing, so the failing code "
                    + "did not come from a stack update");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        Map<String, String> overrides = sam == null ? Map.of() : sam.parameterOverrides();
        for (RollbackPoint.Parameter p : point.parameters()) {
            if (overrides.containsKey(p.key())) {
                continue;
            }
            if (p.usePreviousValue() || p.value() == null || MASKED.matcher(p.value()).matches()) {
                kept.add(p.key() + " (NoEcho or secret: not recorded)");
            } else if (SamDeployCommand.parameterOverride(p.key(), p.value()) == null) {
                kept.add(p.key() + " (sam deploy cannot take its value unchanged)");
            } else {
                parameters.put(p.key(), p.value());
            }
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (SamDeployCommand.parameterOverride(e.getKey(), e.getValue()) == null) {
                return new Refused("rollback.sam.parameterOverrides: " + SamDeployCommand.unrepresentable(e.getKey()));
            }
            parameters.put(e.getKey(), e.getValue());
        }
        List<String> capabilities = sam != null && !sam.capabilities().isEmpty() ? sam.capabilities()
                : point.capabilities();
        String file = template.toString();
        return new Deploy(SamDeployCommand.build(sam, file, target, region, capabilities, parameters), file, kept);
    }

    /** {@code null} when the file is the template recorded, else why it cannot be deployed. */
    public static String checkTemplate(Path template, String sha256) {
        if (sha256 == null) {
            return "the rollback point names no template checksum: it cannot be checked, so it is not deployed";
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(template);
        } catch (NoSuchFileException e) {
            return "the rollback point's template " + template + " is missing: keep the "
                    + StackRecorder.TEMPLATE_DIR + "/ directory beside the previous report.json";
        } catch (IOException e) {
            return "cannot read the rollback point's template " + template + ": " + e.getMessage();
        }
        String actual = StackRecorder.sha256(bytes);
        return actual.equals(sha256) ? null : "the rollback point's template " + template + " changed since it was "
                + "recorded (SHA-256 " + actual + ", recorded " + sha256 + "): it is not deployed";
    }

    private static boolean sameStack(String stack, RollbackPoint point) {
        return stack.equals(point.stackName()) || stack.equals(point.stackId());
    }
}
