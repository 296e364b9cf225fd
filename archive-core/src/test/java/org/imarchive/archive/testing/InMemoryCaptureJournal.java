package org.imarchive.archive.testing;

import org.imarchive.archive.capture.CaptureJournal;
import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.capture.JournalRepair;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A journal in memory, for tests of what consumes a journal; the file journal has its own contract tests. */
public final class InMemoryCaptureJournal implements CaptureJournal {
    private final List<CaptureRecord> records = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<Long> appendAsync(CapturedPayload payload) {
        long sequence = records.size() + 1L;
        records.add(new CaptureRecord(sequence, payload));
        return CompletableFuture.completedFuture(sequence);
    }

    @Override
    public void replay(long afterSequence, Consumer<CaptureRecord> consumer) {
        List<CaptureRecord> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(records);
        }
        snapshot.stream().filter(r -> r.sequence() > afterSequence).forEach(consumer);
    }

    @Override
    public synchronized long lastSequence() {
        return records.size();
    }

    @Override
    public List<JournalRepair> repairs() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
