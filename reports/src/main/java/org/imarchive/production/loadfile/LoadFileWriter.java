package org.imarchive.production.loadfile;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Collects load file rows as messages are produced (in scratch files, one per form) and copies them into the
 * production at the end. CSV follows RFC 4180 (UTF-8, CRLF, quotes doubled); the DAT is Concordance's default:
 * fields in þ, separated by DC4 (shown as ¶), line breaks inside a field as ®, UTF-8 with a byte order mark.
 */
public final class LoadFileWriter implements Closeable {
    public static final String CSV_PATH = "loadfile.csv";
    public static final String DAT_PATH = "loadfile.dat";
    private static final char DAT_QUOTE = 'þ';
    private static final char DAT_SEPARATOR = '\u0014';
    private static final char DAT_NEWLINE = '®';

    private final Path csvScratch;
    private final Path datScratch;
    private final BufferedWriter csv;
    private final BufferedWriter dat;

    public LoadFileWriter(Path scratchDir) throws IOException {
        csvScratch = Files.createTempFile(scratchDir, "loadfile", ".csv");
        datScratch = Files.createTempFile(scratchDir, "loadfile", ".dat");
        csv = Files.newBufferedWriter(csvScratch, StandardCharsets.UTF_8);
        dat = Files.newBufferedWriter(datScratch, StandardCharsets.UTF_8);
        dat.write('\uFEFF');
        writeRow(LoadFileRow.COLUMNS);
    }

    public void add(LoadFileRow row) throws IOException {
        writeRow(row.values());
    }

    private void writeRow(List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i) == null ? "" : values.get(i);
            if (i > 0) {
                csv.write(',');
                dat.write(DAT_SEPARATOR);
            }
            csv.write(csvField(value));
            dat.write(DAT_QUOTE);
            dat.write(value.replace("\r\n", "\n").replace('\n', DAT_NEWLINE).replace(DAT_QUOTE, '?'));
            dat.write(DAT_QUOTE);
        }
        csv.write("\r\n");
        dat.write("\r\n");
    }

    private static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    public void writeCsvTo(OutputStream out) throws IOException {
        csv.flush();
        Files.copy(csvScratch, out);
    }

    public void writeDatTo(OutputStream out) throws IOException {
        dat.flush();
        Files.copy(datScratch, out);
    }

    @Override
    public void close() throws IOException {
        csv.close();
        dat.close();
        Files.deleteIfExists(csvScratch);
        Files.deleteIfExists(datScratch);
    }
}
