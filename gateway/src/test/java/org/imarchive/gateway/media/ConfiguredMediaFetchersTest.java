package org.imarchive.gateway.media;

import org.imarchive.gateway.config.TelegramApiProperties;
import org.imarchive.gateway.config.WhatsAppCloudApiProperties;
import org.imarchive.gateway.config.TwilioApiProperties;
import org.imarchive.archive.media.MediaFetcher;
import org.imarchive.archive.model.Channel;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A platform's fetcher exists only when its credentials are configured; none configured is no error. */
class ConfiguredMediaFetchersTest {
    static final TwilioApiProperties TWILIO = new TwilioApiProperties("AC1", null, URI.create("https://api.twilio.com"));
    static final TwilioApiProperties TWILIO_WITHOUT_SID = new TwilioApiProperties(null, null, URI.create("https://api.twilio.com"));
    static final WhatsAppCloudApiProperties META = new WhatsAppCloudApiProperties("EAAG-token", URI.create("https://graph.facebook.com/v21.0"));
    static final WhatsAppCloudApiProperties META_WITHOUT_TOKEN = new WhatsAppCloudApiProperties(" ", URI.create("https://graph.facebook.com/v21.0"));
    static final TelegramApiProperties TELEGRAM = new TelegramApiProperties(null, TelegramApiProperties.Mode.WEBHOOK, URI.create("https://api.telegram.org"), java.time.Duration.ofSeconds(30));

    @Test
    void everyPlatformWithCredentialsGetsItsFetcher() {
        assertThat(ConfiguredMediaFetchers.of("auth-token", TWILIO, META, "123:bot-token", TELEGRAM, Duration.ofSeconds(5)))
                .flatExtracting(MediaFetcher::channels)
                .containsExactlyInAnyOrder(Channel.TWILIO, Channel.WHATSAPP_CLOUD, Channel.TELEGRAM_BOT);
    }

    @Test
    void platformsWithoutCredentialsAreLeftOut() {
        assertThat(ConfiguredMediaFetchers.of("auth-token", TWILIO_WITHOUT_SID, META_WITHOUT_TOKEN, "123:bot-token", TELEGRAM, Duration.ofSeconds(5)))
                .flatExtracting(MediaFetcher::channels).containsExactly(Channel.TELEGRAM_BOT);
        assertThat(ConfiguredMediaFetchers.of(null, TWILIO, META_WITHOUT_TOKEN, null, TELEGRAM, Duration.ofSeconds(5))).isEmpty();
    }
}
