package io.jenkins.plugins.lambdaverify.invoke.event;

import io.jenkins.plugins.lambdaverify.spec.EventFormat;

/**
 * Lambda function URL: payload format 2.0 with the URL's domain ({@code <url-id>.lambda-url.<region>.on.aws}) and
 * {@code apiId}/{@code domainPrefix} set to the url-id. The account id is {@code anonymous}, as for a URL with
 * auth type NONE (with AWS_IAM, Lambda would add the caller under {@code authorizer.iam}).
 */
public final class FunctionUrlEventFactory extends PayloadV2EventFactory {

    public FunctionUrlEventFactory(EventContext context) {
        super(context);
    }

    @Override
    public EventFormat format() {
        return EventFormat.FUNCTION_URL;
    }

    @Override
    String domainName() {
        return context.functionUrlDomain();
    }

    @Override
    String domainPrefix() {
        return context.functionUrlId();
    }

    @Override
    String apiId() {
        return context.functionUrlId();
    }

    @Override
    String accountId() {
        return "anonymous";
    }
}
