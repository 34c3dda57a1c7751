package io.jenkins.plugins.lambdaverify.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a local run of one function needs.
 *
 * @param functionName the name the function runs as ({@code AWS_LAMBDA_FUNCTION_NAME}), e.g. the logical id
 * @param artifactDir  the built artifact: the task root
 * @param handler      e.g. {@code app.handler}
 * @param runtime      e.g. {@code python3.12}
 * @param environment  the function's own variables (the template's {@code Environment.Variables})
 * @param timeout      the function's timeout: an invocation running longer is killed
 * @param memoryMb     reported as the memory size
 * @param region       {@code AWS_REGION}
 * @param layerDirs    built layer directories, in order: their {@code python/} or {@code nodejs/node_modules}
 *                     directories are importable as from {@code /opt} on Lambda
 */
public record LocalFunctionConfig(String functionName, Path artifactDir, String handler, String runtime,
                                  Map<String, String> environment, Duration timeout, int memoryMb, String region,
                                  List<Path> layerDirs) {
    public static final String DEFAULT_REGION = "us-east-1";

    public LocalFunctionConfig {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        timeout = timeout == null ? Duration.ofSeconds(SamFunction.DEFAULT_TIMEOUT_SECONDS) : timeout;
        memoryMb = memoryMb <= 0 ? SamFunction.DEFAULT_MEMORY_MB : memoryMb;
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
        layerDirs = layerDirs == null ? List.of() : List.copyOf(layerDirs);
    }

    /** A function without layers. */
    public LocalFunctionConfig(String functionName, Path artifactDir, String handler, String runtime,
                               Map<String, String> environment, Duration timeout, int memoryMb, String region) {
        this(functionName, artifactDir, handler, runtime, environment, timeout, memoryMb, region, List.of());
    }

    /** The configuration of a template function. */
    public static LocalFunctionConfig of(SamFunction f, String region) {
        if ("Image".equalsIgnoreCase(f.packageType())) {
            throw new LocalRuntimeException("function " + f.logicalId() + " is a container image (PackageType: Image);"
                    + " local mode runs zip functions only");
        }
        if (f.codeDir() == null) {
            throw new LocalRuntimeException("function " + f.logicalId() + " has no local CodeUri; use the built"
                    + " template (.aws-sam/build/template.yaml) or set artifact");
        }
        return new LocalFunctionConfig(f.logicalId(), f.codeDir(), f.handler(), f.runtime(), f.environment(),
                Duration.ofSeconds(f.timeoutSeconds()), f.memorySizeMb(), region, f.layerDirs());
    }

    /** An artifact given explicitly (no template): Lambda's defaults for timeout and memory. */
    public static LocalFunctionConfig explicit(Path artifactDir, String handler, String runtime) {
        String name = artifactDir.getFileName() == null ? "function" : artifactDir.getFileName().toString();
        return new LocalFunctionConfig(name, artifactDir, handler, runtime, Map.of(), null, 0, null);
    }

    public LocalFunctionConfig withTimeout(Duration newTimeout) {
        return new LocalFunctionConfig(functionName, artifactDir, handler, runtime, environment, newTimeout, memoryMb,
                region, layerDirs);
    }
}
