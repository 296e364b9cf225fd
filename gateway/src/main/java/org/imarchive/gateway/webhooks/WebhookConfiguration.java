package org.imarchive.gateway.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import org.imarchive.archive.pipeline.ArchivePipeline;
import org.imarchive.archive.pipeline.MalformedPayloadException;
import org.imarchive.archive.store.BlobStore;
import org.imarchive.connectors.chatexport.ChatExportNormalizer;
import org.imarchive.connectors.telegram.TelegramNormalizer;
import org.imarchive.connectors.telegram.TelegramSecretVerifier;
import org.imarchive.connectors.telegram.TelegramWebhookRoutes;
import org.imarchive.connectors.twilio.TwilioNormalizer;
import org.imarchive.connectors.whatsappcloud.MetaSignatureVerifier;
import org.imarchive.connectors.whatsappcloud.MetaSubscriptionHandshake;
import org.imarchive.connectors.whatsappcloud.WhatsAppCloudNormalizer;
import org.imarchive.connectors.whatsappcloud.WhatsAppCloudWebhookRoutes;
import org.imarchive.connectors.twilio.TwilioSignatureVerifier;
import org.imarchive.connectors.twilio.TwilioWebhookRoutes;
import org.imarchive.connectors.webhook.RefusalCounter;
import org.imarchive.connectors.webhook.WebhookErrorHandling;
import org.imarchive.gateway.config.GatewayProperties;
import org.apache.camel.component.servlet.CamelHttpTransportServlet;
import org.apache.camel.component.servlet.ServletComponent;
import org.imarchive.connectors.webhook.WebhookRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.UUID;

/** One bean per connector's routes and normalizer; Camel picks the route builders up from the context. */
@Configuration(proxyBeanMethods = false)
public class WebhookConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookConfiguration.class);
    static final int MAX_WEBHOOK_BYTES = 1024 * 1024;
    private final String servletName = "webhooks-" + UUID.randomUUID();

    @Bean
    FilterRegistrationBean<RawBodyFilter> rawWebhookBodies() {
        FilterRegistrationBean<RawBodyFilter> registration = new FilterRegistrationBean<>(new RawBodyFilter(MAX_WEBHOOK_BYTES));
        registration.addUrlPatterns("/webhooks/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Camel's servlet, mounted where the platforms were told to post, beside Spring MVC's dispatcher: a webhook is served
     * in one pass through the filters on the thread that received it (ADR 0017). A Camel servlet registers itself
     * JVM-wide under its name, so each application context names its own (a test JVM holds several).
     */
    @Bean
    ServletRegistrationBean<CamelHttpTransportServlet> webhookServlet() {
        ServletRegistrationBean<CamelHttpTransportServlet> registration =
                new ServletRegistrationBean<>(new CamelHttpTransportServlet(), WebhookRequests.SERVLET_PATH + "/*");
        registration.setName(servletName);
        registration.setLoadOnStartup(1);
        return registration;
    }

    /** The {@code servlet:} endpoints of the webhook routes attach to the servlet above. */
    @Bean("servlet")
    ServletComponent servletComponent() {
        ServletComponent component = new ServletComponent();
        component.setServletName(servletName);
        return component;
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
    ChatExportNormalizer chatExportNormalizer(BlobStore blobs) {
        return new ChatExportNormalizer(sha256 -> {
            try (var in = blobs.open(sha256).orElseThrow(() -> new MalformedPayloadException("the imported file " + sha256 + " is not in the blob store"))) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Bean
    TwilioNormalizer twilioNormalizer() {
        return new TwilioNormalizer();
    }

    @Bean
    WhatsAppCloudNormalizer whatsAppCloudNormalizer() {
        return new WhatsAppCloudNormalizer();
    }

    @Bean
    WhatsAppCloudWebhookRoutes whatsAppCloudWebhookRoutes(GatewayProperties properties, ArchivePipeline pipeline, WhatsAppCloudNormalizer normalizer,
                                                          Clock clock) {
        String secret = properties.whatsappCloud().appSecret();
        String verifyToken = properties.whatsappCloud().verifyToken();
        if (secret == null || secret.isBlank()) {
            LOG.info("WhatsApp Cloud API webhooks refuse every request until gateway.whatsapp-cloud.app-secret is set");
        }
        return new WhatsAppCloudWebhookRoutes(secret == null || secret.isBlank() ? null : new MetaSignatureVerifier(secret),
                verifyToken == null || verifyToken.isBlank() ? null : new MetaSubscriptionHandshake(verifyToken),
                pipeline, normalizer, clock, MAX_WEBHOOK_BYTES);
    }

    /** Plain bot chats are archived under the bot's own id, the number before the colon of its token. */
    @Bean
    TelegramNormalizer telegramNormalizer(GatewayProperties properties) {
        String token = properties.telegram().botToken();
        String botId = token != null && token.contains(":") ? token.substring(0, token.indexOf(':')) : "unconfigured";
        return new TelegramNormalizer("bot" + botId);
    }

    @Bean
    TelegramWebhookRoutes telegramWebhookRoutes(GatewayProperties properties, ArchivePipeline pipeline, TelegramNormalizer normalizer, Clock clock) {
        String secret = properties.telegram().webhookSecret();
        if (secret == null || secret.isBlank()) {
            LOG.info("Telegram webhooks refuse every request until gateway.telegram.webhook-secret is set");
        }
        return new TelegramWebhookRoutes(secret == null || secret.isBlank() ? null : new TelegramSecretVerifier(secret), pipeline, normalizer,
                clock, MAX_WEBHOOK_BYTES);
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
