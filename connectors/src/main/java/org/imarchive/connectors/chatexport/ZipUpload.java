package org.imarchive.connectors.chatexport;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The files of a zipped export by name (separators normalized to "/", folders and macOS resource forks left out).
 * A zip on disk is read in place and its media opened again on demand; a zip given as bytes is unpacked into memory
 * once, up to a limit, because a byte array offers no random access.
 */
abstract sealed class ZipUpload implements Closeable {

    abstract List<String> names();

    abstract InputStream open(String name) throws IOException;

    /** Opens the file again later, after the import has finished and this upload is closed. */
    abstract ImportedMedia.Content content(String name);

    static ZipUpload of(Path file) throws IOException {
        return new OnDisk(file);
    }

    static ZipUpload of(byte[] zip, long maxUnpacked) throws IOException {
        return new InMemory(zip, maxUnpacked);
    }

    static String normalize(String entryName) {
        return entryName.replace('\\', '/');
    }

    /** Folders, and the AppleDouble files macOS adds when it zips: nothing of the export. */
    static boolean ignored(String name, boolean directory) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return directory || name.endsWith("/") || name.startsWith("__MACOSX/") || base.startsWith("._");
    }

    private static final class OnDisk extends ZipUpload {
        private final Path file;
        private final ZipFile zip;
        private final Map<String, String> entries = new LinkedHashMap<>();

        OnDisk(Path file) throws IOException {
            this.file = file;
            try {
                this.zip = new ZipFile(file.toFile());
            } catch (ZipException e) {
                throw new ImportRejectedException("the upload is not a readable zip file", e);
            }
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                String name = normalize(entry.getName());
                if (!ignored(name, entry.isDirectory())) {
                    entries.put(name, entry.getName());
                }
            }
        }

        @Override
        List<String> names() {
            return new ArrayList<>(entries.keySet());
        }

        @Override
        InputStream open(String name) throws IOException {
            return zip.getInputStream(zip.getEntry(entries.get(name)));
        }

        @Override
        ImportedMedia.Content content(String name) {
            String raw = entries.get(name);
            return () -> {
                ZipFile again = new ZipFile(file.toFile());
                try {
                    return new FilterInputStream(again.getInputStream(again.getEntry(raw))) {
                        @Override
                        public void close() throws IOException {
                            try {
                                super.close();
                            } finally {
                                again.close();
                            }
                        }
                    };
                } catch (IOException | RuntimeException e) {
                    again.close();
                    throw e;
                }
            };
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    private static final class InMemory extends ZipUpload {
        private final Map<String, byte[]> entries = new LinkedHashMap<>();

        InMemory(byte[] bytes, long maxUnpacked) throws IOException {
            long total = 0;
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                byte[] buffer = new byte[64 * 1024];
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    String name = normalize(entry.getName());
                    java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
                    for (int n; (n = zip.read(buffer)) > 0; ) {
                        total += n;
                        if (total > maxUnpacked) {
                            throw new ImportRejectedException("the zip unpacks to more than " + maxUnpacked / (1024 * 1024)
                                    + " MiB; upload it as a file instead");
                        }
                        content.write(buffer, 0, n);
                    }
                    if (!ignored(name, entry.isDirectory())) {
                        entries.put(name, content.toByteArray());
                    }
                }
            } catch (ZipException e) {
                throw new ImportRejectedException("the upload is not a readable zip file", e);
            }
        }

        @Override
        List<String> names() {
            return new ArrayList<>(entries.keySet());
        }

        @Override
        InputStream open(String name) {
            return new ByteArrayInputStream(entries.get(name));
        }

        @Override
        ImportedMedia.Content content(String name) {
            byte[] bytes = entries.get(name);
            return () -> new ByteArrayInputStream(bytes);
        }

        @Override
        public void close() {
            entries.clear();
        }
    }
}
