package io.jenkins.plugins.lambdaverify.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.function.Predicate;

/**
 * A healthy fake of the AWS APIs one lambda-mode run calls (CloudFormation, Lambda, CloudWatch Logs) on a local
 * WireMock: stack {@code orders-api} with {@code ApiFunction}, alias {@code live} on version 7 (RevisionId
 * {@code rev-7}), a function whose {@code /broken} route answers 500 and every other route 200.
 */
final class FakeAws {
    static final String FUNCTION = "orders-api-ApiFunction-1A2B3C";
    static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:function:" + FUNCTION;
    static final String FN_PATH = "/2015-03-31/functions/(" + FUNCTION + "|" + ARN.replace(":", "(:|%3A)") + ")";

    /** Every AWS call the engine makes, with how WireMock recognises it. */
    enum Call {
        LIST_STACK_RESOURCES("ListStackResources"),
        LIST_FUNCTIONS("ListFunctions"),
        GET_ALIAS("GetAlias"),
        GET_FUNCTION_CONFIGURATION("GetFunctionConfiguration"),
        INVOKE("Invoke"),
        FILTER_LOG_EVENTS("FilterLogEvents"),
        UPDATE_ALIAS("UpdateAlias");

        final String api;

        Call(String api) {
            this.api = api;
        }

        MappingBuilder mapping() {
            return switch (this) {
                case LIST_STACK_RESOURCES -> post(urlPathEqualTo("/")).withRequestBody(containing("Action=ListStackResources"));
                case LIST_FUNCTIONS -> get(urlPathMatching("/2015-03-31/functions/?"));
                case GET_ALIAS -> get(urlPathMatching(FN_PATH + "/aliases/live"));
                case UPDATE_ALIAS -> put(urlPathMatching(FN_PATH + "/aliases/live"));
                case GET_FUNCTION_CONFIGURATION -> get(urlPathMatching(FN_PATH + "/configuration"));
                case INVOKE -> post(urlPathMatching(FN_PATH + "/invocations"));
                case FILTER_LOG_EVENTS -> post(urlPathEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"));
            };
        }

        boolean matches(Request r) {
            String path = r.getUrl().split("\\?")[0];
            String method = r.getMethod().getName();
            return switch (this) {
                case LIST_STACK_RESOURCES -> path.equals("/") && r.getBodyAsString().contains("Action=ListStackResources");
                case LIST_FUNCTIONS -> method.equals("GET") && path.matches("/2015-03-31/functions/?");
                case GET_ALIAS -> method.equals("GET") && path.matches(FN_PATH + "/aliases/live");
                case UPDATE_ALIAS -> method.equals("PUT") && path.matches(FN_PATH + "/aliases/live");
                case GET_FUNCTION_CONFIGURATION -> method.equals("GET") && path.matches(FN_PATH + "/configuration");
                case INVOKE -> method.equals("POST") && path.matches(FN_PATH + "/invocations");
                case FILTER_LOG_EVENTS -> "Logs_20140328.FilterLogEvents".equals(r.getHeader("X-Amz-Target"));
            };
        }

        /** The protocol's content type, for fault bodies. */
        String contentType() {
            return switch (this) {
                case LIST_STACK_RESOURCES -> "text/xml";
                case FILTER_LOG_EVENTS -> "application/x-amz-json-1.1";
                default -> "application/json";
            };
        }

        /** A valid answer whose one free-text field holds {@code filler} (oversized payloads). */
        String okBody(String filler) {
            return switch (this) {
                case LIST_STACK_RESOURCES -> "<ListStackResourcesResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
                        + "<ListStackResourcesResult><StackResourceSummaries>"
                        + member("ApiFunctionRole", "AWS::IAM::Role", "orders-api-role", filler)
                        + member("ApiFunction", "AWS::Lambda::Function", FUNCTION, "")
                        + "</StackResourceSummaries></ListStackResourcesResult>"
                        + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></ListStackResourcesResponse>";
                case LIST_FUNCTIONS -> "{\"Functions\":[{\"FunctionName\":\"" + FUNCTION + "\",\"Description\":\""
                        + filler + "\"},{\"FunctionName\":\"billing-api-Fn-9Z\"}]}";
                case GET_ALIAS, UPDATE_ALIAS -> "{\"AliasArn\":\"" + ARN + ":live\",\"Name\":\"live\",\"FunctionVersion\":\""
                        + (this == GET_ALIAS ? "7" : "6") + "\",\"RevisionId\":\"" + (this == GET_ALIAS ? "rev-7" : "rev-8")
                        + "\",\"Description\":\"" + filler + "\"}";
                case GET_FUNCTION_CONFIGURATION -> "{\"FunctionName\":\"" + FUNCTION + "\",\"FunctionArn\":\"" + ARN
                        + ":7\",\"Runtime\":\"python3.12\",\"Timeout\":3,\"Version\":\"7\",\"State\":\"Active\","
                        + "\"Description\":\"" + filler + "\"}";
                case INVOKE -> proxy(200, "ok" + filler);
                case FILTER_LOG_EVENTS -> "{\"events\":[{\"eventId\":\"e1\",\"logStreamName\":\"2026/11/28/[7]abc\","
                        + "\"timestamp\":" + System.currentTimeMillis() + ",\"ingestionTime\":" + System.currentTimeMillis()
                        + ",\"message\":\"INFO request handled " + filler + "\"}],\"searchedLogStreams\":[]}";
            };
        }

        ResponseDefinitionBuilder ok(String filler) {
            ResponseDefinitionBuilder b = aResponse().withStatus(200).withHeader("Content-Type", contentType())
                    .withBody(okBody(filler));
            if (this == INVOKE) {
                b.withHeader("X-Amz-Executed-Version", "7").withHeader("X-Amzn-RequestId", "req-ok");
            }
            return b;
        }

        /** The protocol's error document for {@code code}. */
        ResponseDefinitionBuilder error(int status, String code) {
            return switch (this) {
                case LIST_STACK_RESOURCES -> aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(
                        "<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><Error><Type>Sender</Type>"
                                + "<Code>" + code + "</Code><Message>" + code + " here</Message></Error>"
                                + "<RequestId>r-err</RequestId></ErrorResponse>");
                case FILTER_LOG_EVENTS -> aResponse().withStatus(status).withHeader("Content-Type", contentType())
                        .withBody("{\"__type\":\"" + code + "\",\"message\":\"" + code + " here\"}");
                default -> aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withHeader("X-Amzn-ErrorType", code).withBody("{\"Type\":\"Service\",\"message\":\"" + code + " here\"}");
            };
        }

        ResponseDefinitionBuilder throttled() {
            return switch (this) {
                case LIST_STACK_RESOURCES -> error(400, "Throttling");
                case FILTER_LOG_EVENTS -> error(400, "ThrottlingException");
                default -> error(429, "TooManyRequestsException");
            };
        }

        /** A 200 whose body breaks off in the middle of the document. */
        ResponseDefinitionBuilder malformed() {
            String body = okBody("");
            return aResponse().withStatus(200).withHeader("Content-Type", contentType())
                    .withHeader("X-Amz-Executed-Version", "7").withBody(body.substring(0, body.length() / 2));
        }
    }

    private final WireMockServer server;

    FakeAws(WireMockServer server) {
        this.server = server;
    }

    /** The healthy answers, below any fault stub's priority. */
    void healthy() {
        for (Call c : Call.values()) {
            if (c == Call.INVOKE) {
                continue;
            }
            server.stubFor(c.mapping().atPriority(10).willReturn(c.ok("")));
        }
        server.stubFor(Call.INVOKE.mapping().atPriority(10).willReturn(Call.INVOKE.ok("")));
        server.stubFor(Call.INVOKE.mapping().atPriority(9).withRequestBody(containing("/broken"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("X-Amz-Executed-Version", "7").withHeader("X-Amzn-RequestId", "req-broken")
                        .withBody(proxy(500, "Internal Server Error"))));
    }

    /** GetAlias now answers {@code version} / {@code revisionId} (a deployment or rollback happened). */
    void aliasNowAt(String version, String revisionId) {
        server.stubFor(Call.GET_ALIAS.mapping().atPriority(5).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"AliasArn\":\"" + ARN + ":live\",\"Name\":"
                        + "\"live\",\"FunctionVersion\":\"" + version + "\"" + (revisionId == null ? ""
                        : ",\"RevisionId\":\"" + revisionId + "\"") + "}")));
    }

    /** UpdateAlias fails its RevisionId check: someone deployed since the alias was recorded. */
    void aliasConflict() {
        server.stubFor(Call.UPDATE_ALIAS.mapping().atPriority(5).willReturn(Call.UPDATE_ALIAS.error(412,
                "PreconditionFailedException")));
    }

    static String proxy(int status, String body) {
        return "{\"statusCode\":" + status + ",\"headers\":{\"Content-Type\":\"text/plain\"},\"body\":\"" + body + "\"}";
    }

    private static String member(String logicalId, String type, String physicalId, String reason) {
        return "<member><LogicalResourceId>" + logicalId + "</LogicalResourceId><PhysicalResourceId>" + physicalId
                + "</PhysicalResourceId><ResourceType>" + type + "</ResourceType><ResourceStatus>UPDATE_COMPLETE"
                + "</ResourceStatus>" + (reason.isEmpty() ? "" : "<ResourceStatusReason>" + reason + "</ResourceStatusReason>")
                + "<LastUpdatedTimestamp>2026-11-28T10:00:00Z</LastUpdatedTimestamp></member>";
    }

    /** Requests of {@code call} received so far, with the status they were answered with (0 for a fault). */
    List<ServeEvent> requests(Call call) {
        return server.getAllServeEvents().stream().filter(e -> call.matches(e.getRequest())).toList();
    }

    long count(Call call, Predicate<ServeEvent> which) {
        return requests(call).stream().filter(which).count();
    }

    static boolean throttled(ServeEvent e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
        return status == 429 || (status == 400 && e.getResponse().getBodyAsString().contains("hrottling"));
    }
}
