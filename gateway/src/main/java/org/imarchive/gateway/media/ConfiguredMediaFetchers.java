package org.imarchive.gateway.media;

import org.imarchive.gateway.config.TelegramApiProperties;
import org.imarchive.gateway.config.WhatsAppCloudApiProperties;
import org.imarchive.gateway.config.TwilioApiProperties;
import org.imarchive.archive.media.MediaFetcher;
import org.imarchive.connectors.telegram.TelegramMediaFetcher;
import org.imarchive.connectors.twilio.TwilioMediaFetcher;
import org.imarchive.connectors.whatsappcloud.WhatsAppCloudMediaFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The media fetchers whose platform credentials are configured. A platform without them is not an error (many
 * banks use one route only): its attachments stay queued, and are fetched once credentials are set and the gateway
 * restarted.
 */
final class ConfiguredMediaFetchers {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredMediaFetchers.class);

    private ConfiguredMediaFetchers() {
    }

    /**
     * @param twilioAuthToken  {@code gateway.twilio.auth-token}, shared with the webhook signature check
     * @param telegramBotToken {@code gateway.telegram.bot-token}
     */
    static List<MediaFetcher> of(String twilioAuthToken, TwilioApiProperties twilio, WhatsAppCloudApiProperties whatsappCloud,
                                 String telegramBotToken, TelegramApiProperties telegram, Duration requestTimeout) {
        // redirects are followed by the fetchers themselves, which decide where credentials may go
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(requestTimeout).build();
        List<MediaFetcher> fetchers = new ArrayList<>();
        if (isSet(twilio.accountSid()) && isSet(twilioAuthToken)) {
            fetchers.add(new TwilioMediaFetcher(client, twilio.apiUrl(), twilio.accountSid(), twilioAuthToken, requestTimeout));
        } else {
            notConfigured("Twilio", "gateway.twilio.account-sid and gateway.twilio.auth-token");
        }
        if (isSet(whatsappCloud.accessToken())) {
            fetchers.add(new WhatsAppCloudMediaFetcher(client, whatsappCloud.graphUrl(), whatsappCloud.accessToken(), requestTimeout));
        } else {
            notConfigured("WhatsApp Cloud API", "gateway.whatsapp-cloud.access-token");
        }
        if (isSet(telegramBotToken)) {
            fetchers.add(new TelegramMediaFetcher(client, telegram.apiUrl(), telegramBotToken, requestTimeout));
        } else {
            notConfigured("Telegram", "gateway.telegram.bot-token");
        }
        return fetchers;
    }

    private static void notConfigured(String platform, String settings) {
        LOG.info("{} media is not downloaded: {} not set; its attachments stay queued until they are", platform, settings);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
