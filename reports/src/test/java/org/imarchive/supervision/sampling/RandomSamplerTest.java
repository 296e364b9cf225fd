package org.imarchive.supervision.sampling;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RandomSamplerTest {

    private static final SamplingSeed SEED = new SamplingSeed("sampling-2026-11",
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

    private static List<String> messageIds(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    @Test
    void sampleIsReproducibleFromTheSeed() {
        // values computed outside Java (Python's hmac module), as an examiner would
        SampleDecision decision = new RandomSampler(SEED, 0.5, 0).decide("0190f5a2-7c1e-7b3a-9f00-000000000001");
        assertThat(decision.value()).isEqualTo(0.48410654839747524);
        assertThat(decision.selected()).isTrue();
        assertThat(decision.seedId()).isEqualTo("sampling-2026-11");
        assertThat(new RandomSampler(SEED, 0.5, 0).decide("0190f5a2-7c1e-7b3a-9f00-000000000002").value())
                .isEqualTo(0.9262664652440453);

        List<String> ids = messageIds("msg", 2_000);
        SamplingSeed recorded = new SamplingSeed(SEED.id(), SEED.keyHex());
        List<SampleDecision> first = new RandomSampler(SEED, 0.05, 5).closePeriod(ids);
        List<String> otherOrder = new ArrayList<>(ids);
        Collections.reverse(otherOrder);
        List<SampleDecision> again = new RandomSampler(recorded, 0.05, 5).closePeriod(otherOrder);
        List<SampleDecision> otherSeed = new RandomSampler(SamplingSeed.generate("other", new SecureRandom()), 0.05, 5).closePeriod(ids);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).extracting(SampleDecision::messageId).isNotEqualTo(first.stream().map(SampleDecision::messageId).toList());
    }

    @Test
    void sampleRateIsHonouredWithinTolerance() {
        RandomSampler sampler = new RandomSampler(SEED, 0.05, 0);
        List<String> ids = messageIds("msg", 200_000);

        long selected = ids.stream().map(sampler::decide).filter(SampleDecision::selected).count();

        // the standard deviation of the share is sqrt(0.05 * 0.95 / 200000) = 0.0005: 0.002 is four of them
        assertThat(selected / 200_000.0).isCloseTo(0.05, within(0.002));
        Map<String, Long> perManager = IntStream.range(0, 10).boxed().collect(Collectors.toMap(
                rm -> "rm" + rm,
                rm -> (long) new RandomSampler(SEED, 0.05, 0).closePeriod(messageIds("rm" + rm, 10_000)).size()));
        assertThat(perManager.values()).allSatisfy(count -> assertThat(count / 10_000.0).isCloseTo(0.05, within(0.01)));
    }

    @Test
    void minimumIsMadeUpWithTheLowestValues() {
        RandomSampler sampler = new RandomSampler(SEED, 0.05, 4);
        List<String> ids = messageIds("quiet-rm", 12);

        List<SampleDecision> sample = sampler.closePeriod(ids);
        List<Double> allValuesSorted = ids.stream().map(sampler::decide).map(SampleDecision::value).sorted().toList();

        assertThat(sample).hasSize(4).allSatisfy(d -> assertThat(d.selected()).isTrue());
        assertThat(sample).extracting(SampleDecision::value).containsExactlyElementsOf(allValuesSorted.subList(0, 4));
        assertThat(sample).filteredOn(d -> d.reason() == SampleDecision.Reason.RATE)
                .allSatisfy(d -> assertThat(d.value()).isLessThan(0.05));
        assertThat(sample).filteredOn(d -> d.reason() == SampleDecision.Reason.MINIMUM)
                .isNotEmpty().allSatisfy(d -> assertThat(d.value()).isGreaterThanOrEqualTo(0.05));
    }

    @Test
    void aPeriodAboveTheMinimumKeepsItsRateSample() {
        RandomSampler sampler = new RandomSampler(SEED, 0.05, 3);
        List<String> ids = messageIds("busy-rm", 5_000);
        Map<String, SampleDecision> asArchived = ids.stream().map(sampler::decide).collect(Collectors.toMap(SampleDecision::messageId, Function.identity()));

        List<SampleDecision> sample = sampler.closePeriod(ids);

        assertThat(sample).hasSizeGreaterThan(3).allSatisfy(d -> {
            assertThat(d.reason()).isEqualTo(SampleDecision.Reason.RATE);
            assertThat(d).isEqualTo(asArchived.get(d.messageId()));
        });
        assertThat(sample).hasSize((int) asArchived.values().stream().filter(SampleDecision::selected).count());
    }

    @Test
    void theKeyStaysOutOfToString() {
        assertThat(SEED.toString()).doesNotContain(SEED.keyHex()).contains("sampling-2026-11");
    }
}
