package org.imarchive.supervision.sampling;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Picks a share of messages for review, reproducibly. Each message gets a value in [0, 1) from a keyed hash of its
 * id ({@link SampleDecision#value()}); it is sampled when the value is below the rate. The hash makes the choice as
 * good as random to anyone without the seed, and the same for anyone with it, in any language, years later.
 * <p>
 * Use one sampler per period (a calendar month, say) with that period's seed, and decide each message of a
 * relationship manager as it is archived. At the period's close, {@link #closePeriod} tops each manager's sample up
 * to the minimum with the lowest values not yet picked: since the messages picked by rate are exactly those with
 * the lowest values, the sample is always "the k lowest values", k being the larger of the count below the rate and
 * the minimum, and an examiner can recompute it the same way.
 */
public final class RandomSampler {

    private static final String ALGORITHM = "HmacSHA256";
    private static final double TWO_TO_THE_53 = 0x1p53;

    private final SamplingSeed seed;
    private final SecretKeySpec key;
    private final double rate;
    private final int minimumPerPeriod;

    /**
     * @param rate             the share to sample, 0 to 1 (0.05 for 5 %)
     * @param minimumPerPeriod how many of each manager's messages the period's sample holds at least (0 for none)
     */
    public RandomSampler(SamplingSeed seed, double rate, int minimumPerPeriod) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("the sampling rate is a share between 0 and 1, not " + rate);
        }
        if (minimumPerPeriod < 0) {
            throw new IllegalArgumentException("the minimum per period must not be negative");
        }
        this.seed = seed;
        this.key = new SecretKeySpec(seed.key(), ALGORITHM);
        this.rate = rate;
        this.minimumPerPeriod = minimumPerPeriod;
    }

    /** The decision for one message as it is archived: sampled if its value is below the rate. */
    public SampleDecision decide(String messageId) {
        double value = value(messageId);
        boolean selected = value < rate;
        return new SampleDecision(messageId, seed.id(), value, rate, selected,
                selected ? SampleDecision.Reason.RATE : SampleDecision.Reason.NOT_SELECTED);
    }

    /**
     * The period's sample of one manager's messages: those below the rate, topped up to the minimum with the lowest
     * values. Returns the sampled decisions, lowest value first.
     */
    public List<SampleDecision> closePeriod(Collection<String> messageIds) {
        List<SampleDecision> byValue = messageIds.stream().distinct().map(this::decide)
                .sorted(Comparator.comparingDouble(SampleDecision::value).thenComparing(SampleDecision::messageId))
                .toList();
        long byRate = byValue.stream().filter(SampleDecision::selected).count();
        return byValue.stream()
                .limit(Math.max(byRate, minimumPerPeriod))
                .map(d -> d.selected() ? d : new SampleDecision(d.messageId(), d.seedId(), d.value(), d.rate(), true, SampleDecision.Reason.MINIMUM))
                .toList();
    }

    double value(String messageId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            long bits = ByteBuffer.wrap(mac.doFinal(messageId.getBytes(StandardCharsets.UTF_8))).getLong();
            return (bits >>> 11) / TWO_TO_THE_53;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
