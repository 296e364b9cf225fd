package org.imarchive.archive.model;

import java.time.Instant;

/** Where a forwarded message came from, as far as the platform tells (often only that it was forwarded). */
public record Forward(String originName, String originPlatformId, Instant originDate, boolean frequentlyForwarded) {
}
