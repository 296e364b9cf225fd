package org.imarchive.connectors.platformapi;

import java.time.Duration;

/**
 * How often and how patiently a platform call is retried: exponential backoff from {@code firstDelay}, capped at
 * {@code maxDelay}; a platform's {@code Retry-After} is honoured up to the cap.
 *
 * @param attempts how many times a call is made at most, the first included
 */
public record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= firstDelay <= maxDelay");
        }
    }

    public static RetryPolicy standard() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8));
    }

    /** The wait before attempt {@code attempt + 1}, given the platform's Retry-After in seconds if it sent one. */
    public Duration delayAfter(int attempt, Long retryAfterSeconds) {
        if (retryAfterSeconds != null && retryAfterSeconds >= 0) {
            Duration asked = Duration.ofSeconds(retryAfterSeconds);
            return asked.compareTo(maxDelay) > 0 ? maxDelay : asked;
        }
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration delay = firstDelay.multipliedBy(factor);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
