package org.imarchive.production;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a production is for and how it is laid out: the matter and who asked, a plain description of the selection
 * (the query, custodians, date range as the requester gave them), the firm's time zone shown next to UTC, the Bates
 * numbering and the formats.
 *
 * @param productionId our id of the production (a UUIDv7); printed on every cover page and in the manifest
 * @param createdAt    when the production was made; the one clock reading in it, so the same input gives the same files
 */
public record ProductionRequest(
        String productionId,
        String matter,
        String requester,
        String selection,
        ZoneId firmZone,
        BatesFormat bates,
        Set<ProductionFormat> formats,
        Instant createdAt) {

    public ProductionRequest {
        Objects.requireNonNull(productionId, "productionId");
        Objects.requireNonNull(matter, "matter");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(firmZone, "firmZone");
        Objects.requireNonNull(bates, "bates");
        Objects.requireNonNull(createdAt, "createdAt");
        if (formats == null || formats.isEmpty()) {
            throw new IllegalArgumentException("a production needs at least one format");
        }
        formats = Set.copyOf(EnumSet.copyOf(formats));
    }

    public boolean includes(ProductionFormat format) {
        return formats.contains(format);
    }
}
