package org.imarchive.archive.capture;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What opening a journal directory does before the first append: every record of every segment is checked; a torn
 * tail is cut off, damage anywhere else is copied aside and skipped, and nothing is dropped without a report.
 */
final class JournalRecovery {

    static final String QUARANTINE = "quarantine";
    private static final Pattern SEGMENT_NAME = Pattern.compile("segment-(\\d{20})\\.log");
    private static final Logger log = LoggerFactory.getLogger(JournalRecovery.class);

    /** A segment file: its name carries the sequence of the first record written to it. */
    record Segment(String name, long firstSequence, Path path) {
    }

    /** What the scan found. {@code skipped} holds, per segment name, the moved-aside ranges (offset to length). */
    record Result(List<Segment> segments, List<Long> lengths, long lastSequence,
                  Map<String, NavigableMap<Long, Long>> skipped, List<JournalRepair> repairs) {
    }

    private final Path directory;
    private final List<JournalRepair> repairs = new ArrayList<>();
    private final Map<String, NavigableMap<Long, Long>> skipped = new HashMap<>();
    private long lastSequence;
    /** bytes moved aside since the last sound record: bounds how far the sequence may jump after them */
    private long skippedSinceValid;

    private JournalRecovery(Path directory) {
        this.directory = directory;
    }

    static String segmentName(long firstSequence) {
        return String.format("segment-%020d.log", firstSequence);
    }

    static Result recover(Path directory) throws IOException {
        return new JournalRecovery(directory).run();
    }

    private Result run() throws IOException {
        List<Segment> segments = listSegments(directory);
        List<Long> lengths = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            lengths.add(scan(segments.get(i), i == segments.size() - 1));
        }
        return new Result(segments, lengths, lastSequence, skipped, List.copyOf(repairs));
    }

    static List<Segment> listSegments(Path directory) throws IOException {
        List<Segment> segments = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher name = SEGMENT_NAME.matcher(file.getFileName().toString());
                if (name.matches() && Files.isRegularFile(file)) {
                    segments.add(new Segment(name.group(0), Long.parseLong(name.group(1)), file));
                }
            }
        }
        segments.sort((a, b) -> Long.compare(a.firstSequence(), b.firstSequence()));
        return segments;
    }

    /** Checks one segment; returns its length afterwards. */
    private long scan(Segment segment, boolean last) throws IOException {
        try (FileChannel channel = FileChannel.open(segment.path(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            SegmentScanner scanner = new SegmentScanner(channel, size);
            long position = 0;
            while (position < size) {
                SegmentScanner.Probe probe = scanner.probe(position);
                if (probe == SegmentScanner.Probe.VALID && acceptable(scanner.sequence(), segment, 0)) {
                    lastSequence = scanner.sequence();
                    skippedSinceValid = 0;
                    position += scanner.recordLength();
                    continue;
                }
                long damageStart = position;
                long next = scanner.findNextValid(damageStart + 1,
                        (candidate, sequence) -> acceptable(sequence, segment, candidate - damageStart));
                if (next < 0 && last && probe == SegmentScanner.Probe.RUNS_PAST_END) {
                    truncate(channel, segment, damageStart, size);
                    return damageStart;
                }
                long end = next < 0 ? size : next;
                moveAside(channel, segment, damageStart, end - damageStart);
                skippedSinceValid += end - damageStart;
                position = end;
            }
            return size;
        }
    }

    /**
     * The writer numbers records consecutively, so a sound record follows its predecessor by one; only records that
     * were moved aside leave a gap, and it cannot hold more records than the bytes moved aside could. A record that
     * passes its CRC but breaks this (a forged record inside a payload, met while re-synchronising) is not trusted.
     */
    private boolean acceptable(long sequence, Segment segment, long skippedBefore) {
        long expected = Math.max(lastSequence + 1, segment.firstSequence());
        long couldBeLost = (skippedSinceValid + skippedBefore) / CaptureRecordFormat.MIN_RECORD_LENGTH;
        return sequence > lastSequence && sequence <= expected + couldBeLost;
    }

    private void truncate(FileChannel channel, Segment segment, long offset, long size) throws IOException {
        channel.truncate(offset);
        channel.force(true);
        JournalRepair repair = new JournalRepair(JournalRepair.Kind.TORN_TAIL_TRUNCATED, segment.name(), offset,
                size - offset, null);
        log.warn("capture journal: torn tail of {} cut at offset {} ({} bytes of an append that was never acknowledged)",
                segment.name(), offset, size - offset);
        repairs.add(repair);
    }

    private void moveAside(FileChannel channel, Segment segment, long offset, long length) throws IOException {
        Path quarantine = directory.resolve(QUARANTINE);
        Path target = quarantine.resolve(String.format("%s-at-%020d.bin", segment.name(), offset));
        boolean alreadyKept = Files.isRegularFile(target) && Files.size(target) == length;
        if (!alreadyKept) {
            if (!Files.isDirectory(quarantine)) {
                Files.createDirectories(quarantine);
                FileCaptureJournal.forceDirectory(directory);
            }
            Path partial = quarantine.resolve(target.getFileName() + ".partial");
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                long copied = 0;
                while (copied < length) {
                    long n = channel.transferTo(offset + copied, length - copied, out);
                    if (n <= 0) {
                        throw new IOException("could not copy " + segment.name() + " at " + (offset + copied));
                    }
                    copied += n;
                }
                out.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            FileCaptureJournal.forceDirectory(quarantine);
        }
        log.warn("capture journal: {} bytes at offset {} of {} fail their check; {} {} and skipped",
                length, offset, segment.name(), alreadyKept ? "already kept in" : "copied to", target);
        skipped.computeIfAbsent(segment.name(), name -> new TreeMap<>()).put(offset, length);
        repairs.add(new JournalRepair(JournalRepair.Kind.CORRUPT_RECORD_MOVED_ASIDE, segment.name(), offset, length,
                target.toString()));
    }

    static Map<String, NavigableMap<Long, Long>> unmodifiable(Map<String, NavigableMap<Long, Long>> skipped) {
        Map<String, NavigableMap<Long, Long>> copy = new HashMap<>();
        skipped.forEach((name, ranges) -> copy.put(name, Collections.unmodifiableNavigableMap(new TreeMap<>(ranges))));
        return Collections.unmodifiableMap(copy);
    }
}
