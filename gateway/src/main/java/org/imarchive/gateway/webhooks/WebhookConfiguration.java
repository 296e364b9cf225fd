package org.imarchive.gateway.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import org.imarchive.archive.pipeline.ArchivePipeline;
import org.imarchive.connectors.twilio.TwilioNormalizer;
import org.imarchive.connectors.twilio.TwilioSignatureVerifier;
import org.imarchive.connectors.twilio.TwilioWebhookRoutes;
import org.imarchive.connectors.webhook.RefusalCounter;
import org.imarchive.connectors.webhook.WebhookErrorHandling;
import org.imarchive.gateway.config.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** One bean per connector's routes and normalizer; Camel picks the route builders up from the context. */
@Configuration(proxyBeanMethods = false)
public class WebhookConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookConfiguration.class);
    static final int MAX_WEBHOOK_BYTES = 1024 * 1024;

    @Bean
    FilterRegistrationBean<RawBodyFilter> rawWebhookBodies() {
        FilterRegistrationBean<RawBodyFilter> registration = new FilterRegistrationBean<>(new RawBodyFilter(MAX_WEBHOOK_BYTES));
        registration.addUrlPatterns("/webhooks/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    RefusalCounter refusalCounter(MeterRegistry registry) {
        return (routeId, status, reason) -> {
            registry.counter("imarchive.webhook.refused", "route", routeId, "status", Integer.toString(status)).increment();
            LOG.warn("webhook {} refused with {}: {}", routeId, status, reason);
        };
    }

    @Bean
    WebhookErrorHandling webhookErrorHandling(RefusalCounter counter) {
        return new WebhookErrorHandling(counter);
    }

    @Bean
    TwilioNormalizer twilioNormalizer() {
        return new TwilioNormalizer();
    }

    @Bean
    TwilioWebhookRoutes twilioWebhookRoutes(GatewayProperties properties, ArchivePipeline pipeline, TwilioNormalizer normalizer, Clock clock) {
        String token = properties.twilio().authToken();
        TwilioSignatureVerifier verifier = token == null || token.isBlank() ? null : new TwilioSignatureVerifier(token);
        if (verifier == null) {
            LOG.info("Twilio webhooks refuse every request until gateway.twilio.auth-token and gateway.public-url are set");
        }
        return new TwilioWebhookRoutes(verifier, properties.publicUrl(), pipeline, normalizer, clock, MAX_WEBHOOK_BYTES);
    }
}
