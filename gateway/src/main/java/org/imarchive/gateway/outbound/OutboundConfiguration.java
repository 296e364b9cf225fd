package org.imarchive.gateway.outbound;

import org.imarchive.gateway.config.TelegramApiProperties;
import org.imarchive.gateway.config.WhatsAppCloudApiProperties;
import org.imarchive.gateway.config.TwilioApiProperties;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.pipeline.ArchivePipeline;
import org.imarchive.connectors.platformapi.PlatformHttp;
import org.imarchive.connectors.platformapi.RetryPolicy;
import org.imarchive.connectors.telegram.TelegramBotApi;
import org.imarchive.connectors.twilio.TwilioMessagesApi;
import org.imarchive.connectors.twilio.TwilioReconciliationNormalizer;
import org.imarchive.connectors.whatsappcloud.GraphMessagesApi;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.gateway.config.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * The platform clients (built only for the channels whose credentials are set), the senders, and the normalizers of
 * the gateway's own captures. The normalizers are always registered: the journal may hold outbound and reconciliation
 * captures from a time the channel was configured, and a replay must still read them.
 */
@Configuration(proxyBeanMethods = false)
public class OutboundConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundConfiguration.class);

    @Bean
    PlatformHttp platformHttp() {
        return new PlatformHttp(RetryPolicy.standard());
    }

    @Bean
    OutboundNormalizer outboundNormalizer() {
        return new OutboundNormalizer();
    }

    @Bean
    TwilioReconciliationNormalizer twilioReconciliationNormalizer() {
        return new TwilioReconciliationNormalizer();
    }

    @Bean
    OutboundRegister outboundRegister(JdbcTemplate jdbc) {
        return new OutboundRegister(jdbc);
    }

    @Bean
    OutboundService outboundService(ArchivePipeline pipeline, AccountRegister accounts, OutboundRegister register, AuditLog audit, Clock clock,
                                    PlatformHttp http, GatewayProperties gateway, TwilioApiProperties twilio,
                                    WhatsAppCloudApiProperties whatsappCloud, TelegramApiProperties telegram) {
        Map<OutboundChannel, PlatformSender> senders = new EnumMap<>(OutboundChannel.class);
        if (twilio.configured()) {
            if (gateway.publicUrl() == null) {
                LOG.warn("gateway.public-url is not set: messages sent through Twilio will have no status callback");
            }
            senders.put(OutboundChannel.TWILIO, new TwilioSender(
                    new TwilioMessagesApi(http, twilio.apiUrl(), twilio.accountSid(), twilio.authToken()), gateway.publicUrl()));
        }
        if (whatsappCloud.configured()) {
            senders.put(OutboundChannel.WHATSAPP_CLOUD, new WhatsAppCloudSender(new GraphMessagesApi(http, whatsappCloud.graphUrl(), whatsappCloud.accessToken())));
        }
        if (telegram.configured()) {
            senders.put(OutboundChannel.TELEGRAM_BOT, new TelegramSender(new TelegramBotApi(http, telegram.apiUrl(), telegram.botToken()),
                    TelegramBotApi.botIdOf(telegram.botToken())));
        }
        LOG.info("sending is enabled for channels {}", senders.keySet().stream().map(OutboundChannel::wireName).toList());
        return new OutboundService(pipeline, accounts, register, senders, audit, clock);
    }
}
