package io.jenkins.plugins.lambdaverify.local;

import io.jenkins.plugins.lambdaverify.spec.TargetSpec;
import java.nio.file.Path;

/**
 * Turns a {@code mode: local} target into the function to run: from the built SAM template by logical id
 * (default {@code .aws-sam/build/template.yaml}), or an artifact directory given explicitly with its handler and
 * runtime. Relative paths are resolved against the workspace (the config file's directory or the CI workspace).
 */
public final class LocalTargetResolver {
    public static final String DEFAULT_TEMPLATE = ".aws-sam/build/template.yaml";

    private LocalTargetResolver() {
    }

    public static LocalFunctionConfig resolve(TargetSpec target, Path workspace) {
        if (target.artifact() != null) {
            if (target.handler() == null || target.runtime() == null) {
                throw new LocalRuntimeException("target.artifact " + target.artifact() + " needs target.handler"
                        + " and target.runtime too (e.g. app.handler and python3.12)");
            }
            LocalFunctionConfig explicit = LocalFunctionConfig.explicit(workspace.resolve(target.artifact()),
                    target.handler(), target.runtime());
            String name = target.function() != null ? target.function() : explicit.functionName();
            return new LocalFunctionConfig(name, explicit.artifactDir(), explicit.handler(), explicit.runtime(),
                    explicit.environment(), explicit.timeout(), explicit.memoryMb(), target.region());
        }
        Path template = workspace.resolve(target.template() != null ? target.template() : DEFAULT_TEMPLATE);
        SamTemplate sam = new SamTemplateReader(target.region()).read(template);
        String wanted = target.function() != null ? target.function() : target.logicalId();
        SamFunction function;
        if (wanted != null) {
            function = sam.function(wanted);
        } else if (sam.functions().size() == 1) {
            function = sam.functions().get(0);
        } else {
            throw new LocalRuntimeException(template + " has " + (sam.functions().isEmpty() ? "no functions"
                    : "functions " + sam.logicalIds()) + "; set target.function to the logical id to verify");
        }
        LocalFunctionConfig config = LocalFunctionConfig.of(function, target.region());
        return new LocalFunctionConfig(config.functionName(), config.artifactDir(),
                target.handler() != null ? target.handler() : config.handler(),
                target.runtime() != null ? target.runtime() : config.runtime(),
                config.environment(), config.timeout(), config.memoryMb(), config.region(), config.layerDirs());
    }
}
