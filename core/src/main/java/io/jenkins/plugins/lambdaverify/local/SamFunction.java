package io.jenkins.plugins.lambdaverify.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One function of a (built) SAM template, with {@code Globals.Function} merged in.
 *
 * @param logicalId    the resource's logical id, e.g. {@code ApiFunction}
 * @param functionName the {@code FunctionName} property when it is a plain string, else {@code null}
 * @param handler      e.g. {@code app.handler}; {@code null} when missing
 * @param runtime      e.g. {@code python3.12}; {@code null} when missing
 * @param codeDir      the code directory ({@code CodeUri} resolved against the template's directory), or {@code null}
 *                     when {@code CodeUri} is not a local path (an S3 location)
 * @param environment  {@code Environment.Variables}, intrinsic functions resolved as far as a local run can
 * @param timeoutSeconds {@code Timeout} (default 3)
 * @param memorySizeMb {@code MemorySize} (default 128)
 * @param packageType  {@code Zip} or {@code Image}
 * @param layerDirs    the built directories of the function's layers that are resources of this template (what
 *                     Lambda mounts at {@code /opt}); layers given as ARNs are not available locally
 */
public record SamFunction(String logicalId, String functionName, String handler, String runtime, Path codeDir,
                          Map<String, String> environment, int timeoutSeconds, int memorySizeMb,
                          String packageType, List<Path> layerDirs) {
    public static final int DEFAULT_TIMEOUT_SECONDS = 3;
    public static final int DEFAULT_MEMORY_MB = 128;

    public SamFunction {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        layerDirs = layerDirs == null ? List.of() : List.copyOf(layerDirs);
    }
}
