package org.imarchive.connectors.platformapi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformHttpTest {
    private final StandInServer platform = StandInServer.start();
    private final List<Duration> waits = new ArrayList<>();
    private final PlatformHttp http = new PlatformHttp(HttpClient.newHttpClient(),
            new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5)), waits::add);

    @AfterEach
    void stop() {
        platform.close();
    }

    private HttpRequest get() {
        return HttpRequest.newBuilder(platform.uri().resolve("/call")).GET().build();
    }

    @Test
    void serverErrorsAndRateLimitsAreRetriedWithBackoffAndRetryAfter() {
        platform.onSequence("GET", "/call",
                StandInServer.Reply.json(503, "{}"),
                StandInServer.Reply.json(429, "{}").withHeader("Retry-After", "2"),
                StandInServer.Reply.json(200, "{\"ok\":true}"));

        PlatformResponse response = http.exchange("Stand-in", get());

        assertThat(response.status()).isEqualTo(200);
        assertThat(platform.requests("/call")).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofSeconds(2));
    }

    @Test
    void aRefusalIsReturnedAtOnceForTheCallerToRead() {
        platform.onSequence("GET", "/call", StandInServer.Reply.json(400, "{\"code\":21211}"));

        assertThat(http.exchange("Stand-in", get()).status()).isEqualTo(400);
        assertThat(platform.requests("/call")).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void theLastServerErrorIsReturnedOnceEveryAttemptIsUsed() {
        platform.onSequence("GET", "/call", StandInServer.Reply.json(500, "{}"));

        assertThat(http.exchange("Stand-in", get()).status()).isEqualTo(500);
        assertThat(platform.requests("/call")).hasSize(3);
    }

    @Test
    void aPlatformThatDoesNotAnswerIsReportedWithoutItsUrl() {
        URI closed = platform.uri().resolve("/secret-token-in-path");
        platform.close();

        assertThatThrownBy(() -> http.exchange("Stand-in", HttpRequest.newBuilder(closed).GET().build()))
                .isInstanceOfSatisfying(PlatformRefusedException.class, e -> assertThat(e.status()).isZero())
                .hasMessageContaining("no answer after 3 attempts")
                .hasMessageNotContaining("secret-token");
    }
}
