package org.imarchive.connectors.platformapi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Makes one call to a platform, retrying what may succeed later: 429 and 5xx answers and calls that got no answer.
 * Anything else (2xx, a 4xx refusal) is returned as it came, for the caller to read in the platform's own terms.
 * Log lines name the platform, the status and the attempt, never the URL: a Telegram URL holds the bot token.
 */
public final class PlatformHttp {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformHttp.class);

    private final HttpClient client;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    /** Waits between attempts; a test passes one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public PlatformHttp(HttpClient client, RetryPolicy policy, Sleeper sleeper) {
        this.client = client;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    public PlatformHttp(RetryPolicy policy) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), policy, duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * @throws PlatformRefusedException with status 0 when no attempt got an answer
     */
    public PlatformResponse exchange(String platform, HttpRequest request) {
        String lastFailure = null;
        for (int attempt = 1; ; attempt++) {
            Long retryAfter = null;
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                PlatformResponse answer = new PlatformResponse(response.statusCode(), response.body());
                if (!answer.isTransient() || attempt >= policy.attempts()) {
                    return answer;
                }
                retryAfter = response.headers().firstValue("Retry-After").map(PlatformHttp::seconds).orElse(null);
                LOG.warn("{} answered {} (attempt {} of {}); retrying", platform, answer.status(), attempt, policy.attempts());
            } catch (IOException e) {
                // the exception's own message may quote the URL; only its type is kept
                lastFailure = e.getClass().getSimpleName();
                if (attempt >= policy.attempts()) {
                    throw PlatformRefusedException.unreachable(platform, "no answer after " + attempt + " attempts (" + lastFailure + ")");
                }
                LOG.warn("{} did not answer ({}, attempt {} of {}); retrying", platform, lastFailure, attempt, policy.attempts());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PlatformRefusedException.unreachable(platform, "interrupted while calling");
            }
            try {
                sleeper.sleep(policy.delayAfter(attempt, retryAfter));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PlatformRefusedException.unreachable(platform, "interrupted between attempts");
            }
        }
    }

    private static Long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException e) {
            // an HTTP date instead of seconds: fall back to our own backoff
            return null;
        }
    }
}
