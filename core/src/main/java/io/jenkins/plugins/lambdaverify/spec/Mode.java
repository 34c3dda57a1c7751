package io.jenkins.plugins.lambdaverify.spec;

/** How requests reach the function. */
public enum Mode {
    /** Direct invoke through the Lambda Invoke API with an emulated event. */
    LAMBDA("lambda"),
    /** Plain HTTP to a base URL (API Gateway stage, function URL, any server). */
    HTTP("http"),
    /** The built artifact run by a local runtime, no AWS and no Docker. */
    LOCAL("local");

    private final String id;

    Mode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Mode fromId(String id) {
        for (Mode m : values()) {
            if (m.id.equalsIgnoreCase(id)) {
                return m;
            }
        }
        return null;
    }
}
