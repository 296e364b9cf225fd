package org.imarchive.production;

import org.imarchive.archive.support.Sha256;
import org.imarchive.production.manifest.ManifestFile;
import org.imarchive.production.manifest.ManifestWriter;
import org.imarchive.production.manifest.ProductionManifest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks a production ZIP on its own, as a recipient would: every entry's SHA-256 against SHA256SUMS and the manifest,
 * nothing missing, nothing extra, and (when given) the manifest's hash against the one the ledger recorded.
 * Behind {@code java -jar gateway.jar verify-export FILE.zip}.
 */
public final class ProductionVerifier {
    private ProductionVerifier() {
    }

    public static ExportVerification verify(Path zipFile) throws IOException {
        return verify(zipFile, null);
    }

    /** @param expectedManifestSha256 the manifest hash recorded in the ledger, or null to skip that check */
    public static ExportVerification verify(Path zipFile, String expectedManifestSha256) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Hashed> entries = new LinkedHashMap<>();
        byte[] sums = null;
        byte[] manifestBytes = null;
        try (ZipFile zip = new ZipFile(zipFile.toFile(), StandardCharsets.UTF_8)) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                if (entries.containsKey(name)) {
                    problems.add(name + ": appears twice in the ZIP");
                    continue;
                }
                boolean keep = name.equals(ProductionManifest.SUMS_PATH) || name.equals(ProductionManifest.PATH);
                try (InputStream in = zip.getInputStream(entry)) {
                    Hashed hashed = hash(in, keep);
                    entries.put(name, hashed);
                    if (name.equals(ProductionManifest.SUMS_PATH)) {
                        sums = hashed.bytes;
                    } else if (name.equals(ProductionManifest.PATH)) {
                        manifestBytes = hashed.bytes;
                    }
                } catch (IOException e) {
                    problems.add(name + ": cannot be read (" + e.getMessage() + ")");
                }
            }
        }
        checkSums(sums, entries, problems);
        String manifestSha256 = entries.containsKey(ProductionManifest.PATH) ? entries.get(ProductionManifest.PATH).sha256 : null;
        checkManifest(manifestBytes, entries, problems);
        if (expectedManifestSha256 != null && !expectedManifestSha256.equals(manifestSha256)) {
            problems.add(ProductionManifest.PATH + ": SHA-256 is " + manifestSha256 + ", the ledger recorded " + expectedManifestSha256);
        }
        return new ExportVerification(problems.isEmpty(), manifestSha256, entries.size(), problems);
    }

    private static void checkSums(byte[] sums, Map<String, Hashed> entries, List<String> problems) {
        if (sums == null) {
            problems.add(ProductionManifest.SUMS_PATH + ": missing");
            return;
        }
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : new String(sums, StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int split = line.indexOf("  ");
            if (split != 64 || !Sha256.isHex(line.substring(0, 64))) {
                problems.add(ProductionManifest.SUMS_PATH + ": malformed line '" + line + "'");
                continue;
            }
            listed.put(line.substring(66), line.substring(0, 64));
        }
        listed.forEach((path, sha256) -> {
            Hashed found = entries.get(path);
            if (found == null) {
                problems.add(path + ": listed in " + ProductionManifest.SUMS_PATH + " but missing from the ZIP");
            } else if (!found.sha256.equals(sha256)) {
                problems.add(path + ": SHA-256 is " + found.sha256 + ", " + ProductionManifest.SUMS_PATH + " says " + sha256);
            }
        });
        for (String path : entries.keySet()) {
            if (!path.equals(ProductionManifest.SUMS_PATH) && !listed.containsKey(path)) {
                problems.add(path + ": in the ZIP but not in " + ProductionManifest.SUMS_PATH);
            }
        }
    }

    private static void checkManifest(byte[] manifestBytes, Map<String, Hashed> entries, List<String> problems) {
        if (manifestBytes == null) {
            problems.add(ProductionManifest.PATH + ": missing");
            return;
        }
        ProductionManifest manifest;
        try {
            manifest = ManifestWriter.read(manifestBytes);
        } catch (UncheckedIOException e) {
            problems.add(ProductionManifest.PATH + ": not a production manifest (" + e.getCause().getMessage() + ")");
            return;
        }
        Map<String, ManifestFile> listed = new LinkedHashMap<>();
        for (ManifestFile file : manifest.files()) {
            listed.put(file.path(), file);
            Hashed found = entries.get(file.path());
            if (found == null) {
                problems.add(file.path() + ": listed in the manifest but missing from the ZIP");
            } else if (!found.sha256.equals(file.sha256()) || found.size != file.size()) {
                problems.add(file.path() + ": SHA-256 " + found.sha256 + " and size " + found.size
                        + " differ from the manifest's " + file.sha256() + " and " + file.size());
            }
        }
        for (String path : entries.keySet()) {
            if (!path.equals(ProductionManifest.PATH) && !path.equals(ProductionManifest.SUMS_PATH) && !listed.containsKey(path)) {
                problems.add(path + ": in the ZIP but not in the manifest");
            }
        }
        if (manifest.counts() == null || manifest.counts().files() != manifest.files().size()) {
            problems.add(ProductionManifest.PATH + ": counts.files does not match the files it lists");
        }
    }

    private record Hashed(String sha256, long size, byte[] bytes) {
    }

    private static Hashed hash(InputStream in, boolean keepBytes) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        ByteArrayOutputStream kept = keepBytes ? new ByteArrayOutputStream() : null;
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
            size += n;
            if (kept != null) {
                kept.write(buffer, 0, n);
            }
        }
        return new Hashed(Sha256.toHex(digest.digest()), size, kept == null ? null : kept.toByteArray());
    }

    /** Prints the verification to {@code out}, for a command line; returns the process exit code. */
    public static int report(Path zipFile, String expectedManifestSha256, OutputStream out) throws IOException {
        ExportVerification result = verify(zipFile, expectedManifestSha256);
        StringBuilder text = new StringBuilder(result.summary()).append('\n');
        result.problems().forEach(p -> text.append("  ").append(p).append('\n'));
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return result.intact() ? 0 : 1;
    }
}
