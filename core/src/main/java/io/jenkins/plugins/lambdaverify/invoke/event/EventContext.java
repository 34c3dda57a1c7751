package io.jenkins.plugins.lambdaverify.invoke.event;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The synthetic surroundings of an emulated event: which API, stage, load balancer or function URL "sent" it.
 * The values are placeholders that look like the real thing; handlers rarely read them, but some frameworks do
 * (the stage for base paths, the domain for absolute redirects, the source IP for logging).
 *
 * @param accountId      account id in {@code requestContext.accountId} (API Gateway)
 * @param apiId          REST/HTTP API id; also the first label of the execute-api domain
 * @param stage          REST API stage (payload 1.0); HTTP APIs and function URLs always use {@code $default}
 * @param region         region in the execute-api / lambda-url domain names
 * @param sourceIp       the client's IP ({@code identity.sourceIp}, {@code http.sourceIp}, X-Forwarded-For)
 * @param userAgent      user agent used when the request has no User-Agent header
 * @param targetGroupArn ALB target group ARN ({@code requestContext.elb.targetGroupArn})
 * @param albMultiValue  whether the ALB target group has {@code lambda.multi_value_headers.enabled}
 * @param functionUrlId  the url-id of a function URL ({@code <url-id>.lambda-url.<region>.on.aws})
 * @param stageVariables REST API stage variables, empty for none ({@code null} in the event)
 * @param clock          source of {@code requestTime}/{@code time}; inject a fixed clock for repeatable events
 * @param requestIds     source of request ids, one per event; inject a counter for repeatable events
 */
public record EventContext(String accountId, String apiId, String stage, String region, String sourceIp,
                           String userAgent, String targetGroupArn, boolean albMultiValue, String functionUrlId,
                           Map<String, String> stageVariables, Clock clock, Supplier<String> requestIds) {

    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    public static final String DEFAULT_API_ID = "lvapi00001";
    public static final String DEFAULT_STAGE = "verify";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_SOURCE_IP = "127.0.0.1";
    public static final String DEFAULT_USER_AGENT = "lambda-verify";
    public static final String DEFAULT_FUNCTION_URL_ID = "lambdaverify0000000000000000000";

    public EventContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(requestIds, "requestIds");
        stageVariables = stageVariables == null ? Map.of() : Map.copyOf(stageVariables);
    }

    /** Placeholder values, the system clock and random UUID request ids. */
    public static EventContext defaults() {
        return forRegion(DEFAULT_REGION);
    }

    /** Like {@link #defaults()} but with the domain names of {@code region} (the function's region). */
    public static EventContext forRegion(String region) {
        String r = region == null || region.isBlank() ? DEFAULT_REGION : region;
        return new EventContext(DEFAULT_ACCOUNT_ID, DEFAULT_API_ID, DEFAULT_STAGE, r, DEFAULT_SOURCE_IP,
                DEFAULT_USER_AGENT, "arn:aws:elasticloadbalancing:" + r + ":" + DEFAULT_ACCOUNT_ID
                        + ":targetgroup/lambda-verify/0123456789abcdef",
                false, DEFAULT_FUNCTION_URL_ID, Map.of(), Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    public EventContext withClock(Clock newClock) {
        return new EventContext(accountId, apiId, stage, region, sourceIp, userAgent, targetGroupArn, albMultiValue,
                functionUrlId, stageVariables, newClock, requestIds);
    }

    public EventContext withRequestIds(Supplier<String> newRequestIds) {
        return new EventContext(accountId, apiId, stage, region, sourceIp, userAgent, targetGroupArn, albMultiValue,
                functionUrlId, stageVariables, clock, newRequestIds);
    }

    public EventContext withAlbMultiValue(boolean multiValue) {
        return new EventContext(accountId, apiId, stage, region, sourceIp, userAgent, targetGroupArn, multiValue,
                functionUrlId, stageVariables, clock, requestIds);
    }

    public EventContext withStage(String newStage, Map<String, String> newStageVariables) {
        return new EventContext(accountId, apiId, newStage, region, sourceIp, userAgent, targetGroupArn,
                albMultiValue, functionUrlId, newStageVariables, clock, requestIds);
    }

    /** {@code <apiId>.execute-api.<region>.amazonaws.com}, the default API Gateway domain. */
    public String executeApiDomain() {
        return apiId + ".execute-api." + region + ".amazonaws.com";
    }

    /** {@code <url-id>.lambda-url.<region>.on.aws}, the function URL domain. */
    public String functionUrlDomain() {
        return functionUrlId + ".lambda-url." + region + ".on.aws";
    }
}
