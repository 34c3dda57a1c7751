package io.jenkins.plugins.lambdaverify.local;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The functions of a SAM template, in template order. */
public record SamTemplate(Path file, List<SamFunction> functions) {
    public SamTemplate {
        functions = List.copyOf(functions);
    }

    /** The function with this logical id (or, failing that, this {@code FunctionName}). */
    public SamFunction function(String nameOrLogicalId) {
        for (SamFunction f : functions) {
            if (f.logicalId().equals(nameOrLogicalId)) {
                return f;
            }
        }
        for (SamFunction f : functions) {
            if (nameOrLogicalId.equals(f.functionName())) {
                return f;
            }
        }
        throw new LocalRuntimeException("function '" + nameOrLogicalId + "' is not in " + file
                + " (functions: " + logicalIds() + "); use one of its logical ids");
    }

    public String logicalIds() {
        return functions.isEmpty() ? "none" : functions.stream().map(SamFunction::logicalId)
                .collect(Collectors.joining(", "));
    }
}
