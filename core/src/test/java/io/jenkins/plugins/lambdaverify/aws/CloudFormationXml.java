package io.jenkins.plugins.lambdaverify.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CloudFormation's Query protocol (form-encoded requests, XML answers) for WireMock stubs. */
public final class CloudFormationXml {
    private static final String NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    private CloudFormationXml() {
    }

    /** A request for {@code action} on {@code stack}. */
    public static MappingBuilder action(String action, String stack) {
        return post(urlPathEqualTo("/")).withRequestBody(containing("Action=" + action))
                .withRequestBody(containing("StackName=" + URLEncoder.encode(stack, StandardCharsets.UTF_8)));
    }

    public static ResponseDefinitionBuilder getTemplate(String body) {
        return xml("<GetTemplateResponse xmlns=\"" + NS + "\"><GetTemplateResult><TemplateBody>" + escape(body)
                + "</TemplateBody><StagesAvailable><member>Original</member><member>Processed</member>"
                + "</StagesAvailable></GetTemplateResult><ResponseMetadata><RequestId>r-t</RequestId>"
                + "</ResponseMetadata></GetTemplateResponse>");
    }

    /** A stack as DescribeStacks shows it. */
    public record Stack(String name, String id, String status, String created, String updated,
                        Map<String, String> parameters, List<String> capabilities) {
        public Stack {
            parameters = new LinkedHashMap<>(parameters);
        }

        public Stack withStatus(String newStatus) {
            return new Stack(name, id, newStatus, created, updated, parameters, capabilities);
        }

        public Stack updatedAt(String newUpdated) {
            return new Stack(name, id, status, created, newUpdated, parameters, capabilities);
        }
    }

    public static ResponseDefinitionBuilder describeStacks(Stack s) {
        StringBuilder params = new StringBuilder();
        s.parameters().forEach((k, v) -> params.append("<member><ParameterKey>").append(k)
                .append("</ParameterKey><ParameterValue>").append(escape(v)).append("</ParameterValue></member>"));
        StringBuilder caps = new StringBuilder();
        s.capabilities().forEach(c -> caps.append("<member>").append(c).append("</member>"));
        return xml("<DescribeStacksResponse xmlns=\"" + NS + "\"><DescribeStacksResult><Stacks><member>"
                + "<StackName>" + s.name() + "</StackName><StackId>" + s.id() + "</StackId>"
                + "<StackStatus>" + s.status() + "</StackStatus><CreationTime>" + s.created() + "</CreationTime>"
                + (s.updated() == null ? "" : "<LastUpdatedTime>" + s.updated() + "</LastUpdatedTime>")
                + "<Parameters>" + params + "</Parameters><Capabilities>" + caps + "</Capabilities>"
                + "<Tags/><Outputs/></member></Stacks></DescribeStacksResult>"
                + "<ResponseMetadata><RequestId>r-d</RequestId></ResponseMetadata></DescribeStacksResponse>");
    }

    public static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(
                "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                        + escape(message) + "</Message></Error><RequestId>r-err</RequestId></ErrorResponse>");
    }

    /** An AccessDenied answer for {@code action}, as IAM words it. */
    public static ResponseDefinitionBuilder denied(String action) {
        return error(403, "AccessDenied", "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: "
                + action + " on resource: arn:aws:cloudformation:eu-west-1:123456789012:stack/orders-api/*");
    }

    private static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
