package org.imarchive.gateway.media;

import org.imarchive.archive.media.MediaFetcher;
import org.imarchive.archive.model.Channel;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A platform's fetcher exists only when its credentials are configured; none configured is no error. */
class ConfiguredMediaFetchersTest {
    static final TwilioMediaProperties TWILIO = new TwilioMediaProperties("AC1", URI.create("https://api.twilio.com"));
    static final TwilioMediaProperties TWILIO_WITHOUT_SID = new TwilioMediaProperties(null, URI.create("https://api.twilio.com"));
    static final WhatsAppCloudMediaProperties META = new WhatsAppCloudMediaProperties("EAAG-token", URI.create("https://graph.facebook.com/v21.0"));
    static final WhatsAppCloudMediaProperties META_WITHOUT_TOKEN = new WhatsAppCloudMediaProperties(" ", URI.create("https://graph.facebook.com/v21.0"));
    static final TelegramMediaProperties TELEGRAM = new TelegramMediaProperties(URI.create("https://api.telegram.org"));

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
