package org.imarchive.archive.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Record content in append-only pack files: each record's canonical JSON is appended as is, and the metadata
 * database keeps its SHA-256, pack, offset and length. One forced write per batch instead of one file per record is
 * what lets commits keep up with capture. Packs are never rewritten; a pack that reaches its size limit is closed
 * and a new one begun.
 */
public final class RecordPacks implements AutoCloseable {
    private final Path directory;
    private final long maxPackBytes;
    private FileChannel current;
    private String currentName;

    public RecordPacks(Path directory, long maxPackBytes) {
        this.directory = directory;
        this.maxPackBytes = maxPackBytes;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create record pack directory " + directory, e);
        }
    }

    /** Appends the records and forces them to disk before returning their locations. */
    public synchronized List<PackLocation> append(List<byte[]> records) {
        try {
            if (current == null) {
                // opened for writing only when first needed, so a verifier never holds a pack open for writing
                openLatest();
            }
            if (current.size() >= maxPackBytes) {
                roll();
            }
            long offset = current.size();
            List<PackLocation> locations = new ArrayList<>(records.size());
            ByteBuffer[] buffers = new ByteBuffer[records.size()];
            for (int i = 0; i < records.size(); i++) {
                byte[] bytes = records.get(i);
                locations.add(new PackLocation(currentName, offset, bytes.length));
                buffers[i] = ByteBuffer.wrap(bytes);
                offset += bytes.length;
            }
            current.position(current.size());
            while (hasRemaining(buffers)) {
                current.write(buffers);
            }
            current.force(false);
            return locations;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to record pack " + currentName, e);
        }
    }

    /**
     * Overwrites a record's bytes in place with zeros and forces them to disk: how disposition removes content that is
     * not sealed with a key of its own. The one exception to "packs are never rewritten", and only for expired records.
     */
    public synchronized void overwriteWithZeros(PackLocation location) {
        try (FileChannel channel = FileChannel.open(directory.resolve(location.pack()), StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(location.length());
            long position = location.offset();
            while (zeros.hasRemaining()) {
                position += channel.write(zeros, position);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot overwrite a record in pack " + location.pack(), e);
        }
    }

    /** Reads a record's bytes back; a location beyond the end of its pack reads short, which verification reports. */
    public byte[] read(PackLocation location) {
        try (Reader reader = reader()) {
            return reader.read(location);
        }
    }

    /** A reader that keeps packs open across reads, for scans over many records. */
    public Reader reader() {
        return new Reader();
    }

    public final class Reader implements AutoCloseable {
        private final java.util.Map<String, FileChannel> open = new java.util.HashMap<>();

        public byte[] read(PackLocation location) {
            try {
                FileChannel channel = open.get(location.pack());
                if (channel == null) {
                    channel = FileChannel.open(directory.resolve(location.pack()), StandardOpenOption.READ);
                    open.put(location.pack(), channel);
                }
                ByteBuffer buffer = ByteBuffer.allocate(location.length());
                long position = location.offset();
                while (buffer.hasRemaining()) {
                    int n = channel.read(buffer, position);
                    if (n < 0) {
                        break;
                    }
                    position += n;
                }
                byte[] bytes = new byte[buffer.position()];
                buffer.flip().get(bytes);
                return bytes;
            } catch (java.nio.file.NoSuchFileException e) {
                return new byte[0];
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read record pack " + location.pack(), e);
            }
        }

        @Override
        public void close() {
            for (FileChannel channel : open.values()) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // read-only channel: nothing is lost by a failed close
                }
            }
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public synchronized void close() {
        if (current == null) {
            return;
        }
        try {
            current.close();
            current = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void openLatest() throws IOException {
        try (Stream<Path> packs = Files.list(directory)) {
            String latest = packs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("pack-") && n.endsWith(".dat"))
                    .sorted().reduce((a, b) -> b).orElse(packName(1));
            open(latest);
        }
    }

    private void roll() throws IOException {
        current.close();
        int number = Integer.parseInt(currentName.substring(5, currentName.length() - 4));
        open(packName(number + 1));
    }

    private void open(String name) throws IOException {
        currentName = name;
        current = FileChannel.open(directory.resolve(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    }

    private static String packName(int number) {
        return String.format("pack-%08d.dat", number);
    }

    private static boolean hasRemaining(ByteBuffer[] buffers) {
        for (ByteBuffer buffer : buffers) {
            if (buffer.hasRemaining()) {
                return true;
            }
        }
        return false;
    }
}
