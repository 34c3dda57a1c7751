package io.jenkins.plugins.lambdaverify.spec;

/** The shape of the event a direct invoke sends, matching what the function's trigger would send. */
public enum EventFormat {
    /** API Gateway REST API proxy integration (payload format 1.0). */
    APIGATEWAY_V1("apigateway-v1"),
    /** API Gateway HTTP API (payload format 2.0). */
    APIGATEWAY_V2("apigateway-v2"),
    /** Application Load Balancer target. */
    ALB("alb"),
    /** Lambda function URL (payload format 2.0 with a function-URL request context). */
    FUNCTION_URL("function-url");

    private final String id;

    EventFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static EventFormat fromId(String id) {
        for (EventFormat f : values()) {
            if (f.id.equalsIgnoreCase(id)) {
                return f;
            }
        }
        return null;
    }
}
