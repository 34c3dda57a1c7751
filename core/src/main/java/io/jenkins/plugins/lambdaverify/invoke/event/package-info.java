/**
 * Emulated trigger events for direct invokes: {@link io.jenkins.plugins.lambdaverify.invoke.event.EventFactory}
 * turns a {@code RequestSpec} into the API Gateway REST (1.0), HTTP API (2.0), ALB or function URL event the
 * function would receive from its real trigger; {@link io.jenkins.plugins.lambdaverify.invoke.event.EventContext}
 * holds the synthetic surroundings (API id, stage, region, clock, request ids).
 */
package io.jenkins.plugins.lambdaverify.invoke.event;
