package io.jenkins.plugins.lambdaverify.local;

import java.util.Locale;

/** The Lambda runtimes a local run supports, each with its interpreter command and bootstrap resource. */
public enum RuntimeLanguage {
    PYTHON("python3", "python_bootstrap.py"),
    NODE("node", "node_bootstrap.js");

    private final String command;
    private final String bootstrapResource;

    RuntimeLanguage(String command, String bootstrapResource) {
        this.command = command;
        this.bootstrapResource = bootstrapResource;
    }

    /** The interpreter looked up on PATH. */
    public String command() {
        return command;
    }

    public String bootstrapResource() {
        return bootstrapResource;
    }

    /**
     * The language of a Lambda runtime id ({@code python3.12}, {@code nodejs20.x}).
     *
     * @throws LocalRuntimeException for a runtime the local mode cannot run (java, dotnet, ruby, provided.*)
     */
    public static RuntimeLanguage of(String runtime, String function) {
        if (runtime == null || runtime.isBlank()) {
            throw new LocalRuntimeException("function " + function + " has no Runtime; set Runtime on the function"
                    + " or in Globals.Function (python3.x or nodejs*.x)");
        }
        String id = runtime.trim().toLowerCase(Locale.ROOT);
        if (id.matches("python3\\.\\d+")) {
            return PYTHON;
        }
        if (id.matches("nodejs\\d+\\.x")) {
            return NODE;
        }
        throw new LocalRuntimeException("runtime '" + runtime + "' of function " + function + " is not supported"
                + " in local mode (python3.x and nodejs*.x are); verify it deployed with mode: lambda");
    }
}
