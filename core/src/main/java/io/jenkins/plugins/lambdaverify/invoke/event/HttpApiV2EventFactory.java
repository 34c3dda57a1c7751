package io.jenkins.plugins.lambdaverify.invoke.event;

import io.jenkins.plugins.lambdaverify.spec.EventFormat;

/** API Gateway HTTP API, Lambda proxy integration with payload format 2.0, on the {@code $default} route. */
public final class HttpApiV2EventFactory extends PayloadV2EventFactory {

    public HttpApiV2EventFactory(EventContext context) {
        super(context);
    }

    @Override
    public EventFormat format() {
        return EventFormat.APIGATEWAY_V2;
    }

    @Override
    String domainName() {
        return context.executeApiDomain();
    }

    @Override
    String domainPrefix() {
        return context.apiId();
    }

    @Override
    String apiId() {
        return context.apiId();
    }

    @Override
    String accountId() {
        return context.accountId();
    }
}
