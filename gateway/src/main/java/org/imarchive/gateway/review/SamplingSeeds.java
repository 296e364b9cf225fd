package org.imarchive.gateway.review;

import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.support.Jdbc;
import org.imarchive.supervision.sampling.RandomSampler;
import org.imarchive.supervision.sampling.SamplingSeed;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One sampling seed per calendar month (UTC), generated the first time a message of that month is sampled and kept
 * in {@code review_sampling_seed}, so every later decision of the month, a replay and an examiner's recomputation
 * all draw the same sample. The key never leaves the database: the audit trail names the seed by id only.
 */
@Component
public class SamplingSeeds {
    static final String ACTION = "review.seed.create";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final ReviewProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<YearMonth, RandomSampler> samplers = new ConcurrentHashMap<>();

    public SamplingSeeds(JdbcTemplate jdbc, AuditLog audit, ReviewProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The sampler of the month the message was sent in. */
    public RandomSampler samplerFor(Instant sentAt) {
        return samplers.computeIfAbsent(YearMonth.from(sentAt.atZone(ZoneOffset.UTC)),
                period -> new RandomSampler(seedOf(period), properties.sampleRate(), 0));
    }

    private SamplingSeed seedOf(YearMonth period) {
        return stored(period).orElseGet(() -> {
            SamplingSeed seed = SamplingSeed.generate("sampling-" + period, random);
            try {
                jdbc.update("insert into review_sampling_seed (seed_id, period, key_hex, created_at) values (?,?,?,?)",
                        seed.id(), period.toString(), seed.keyHex(), Jdbc.timestamp(clock.instant()));
            } catch (DuplicateKeyException another) {
                // generated elsewhere in the meantime: the stored one is the month's seed
                return stored(period).orElseThrow();
            }
            audit.record(new AuditEvent("system", ACTION, seed.id(), AuditEvent.Outcome.SUCCESS, null,
                    "sampling seed for " + period + " generated and stored; rate " + properties.sampleRate()));
            return seed;
        });
    }

    private Optional<SamplingSeed> stored(YearMonth period) {
        return jdbc.query("select seed_id, key_hex from review_sampling_seed where period = ?",
                (rows, i) -> new SamplingSeed(rows.getString(1), rows.getString(2)), period.toString()).stream().findFirst();
    }
}
