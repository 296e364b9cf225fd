package org.imarchive.archive.media;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns an attachment's bytes into searchable text with Apache Tika, within limits: input larger than
 * {@code maxBytes} is not parsed, text is cut at {@code maxChars}, and a parse still running after {@code timeout}
 * is abandoned. Each parse runs in its own thread so the deadline holds whatever the parser does; a parser that
 * ignores the interrupt keeps its (daemon) thread until it finishes, but nobody waits for it.
 */
public final class AttachmentTextExtractor implements AutoCloseable {
    private final Parser parser;
    private final Duration timeout;
    private final long maxBytes;
    private final int maxChars;
    private final ExecutorService parses = Executors.newCachedThreadPool(new DaemonThreads());

    public AttachmentTextExtractor(Duration timeout, long maxBytes, int maxChars) {
        this(new AutoDetectParser(), timeout, maxBytes, maxChars);
    }

    /** @param parser what parses; Tika's {@link AutoDetectParser} in production */
    public AttachmentTextExtractor(Parser parser, Duration timeout, long maxBytes, int maxChars) {
        this.parser = parser;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.maxChars = maxChars;
    }

    /**
     * @param size the content's length when known, else -1; known-too-large content is not read at all
     */
    public ExtractedText extract(InputStream content, long size) {
        if (size > maxBytes) {
            return ExtractedText.failed(ExtractedText.Status.TOO_LARGE, null, tooLarge());
        }
        BoundedInput bounded = new BoundedInput(content, maxBytes);
        Metadata metadata = new Metadata();
        Future<ExtractedText> parse = parses.submit(() -> parse(bounded, metadata));
        try {
            return parse.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            parse.cancel(true);
            closeQuietly(bounded);
            return ExtractedText.failed(ExtractedText.Status.TIMEOUT, metadata.get(Metadata.CONTENT_TYPE),
                    "no result within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return ExtractedText.failed(ExtractedText.Status.UNREADABLE, metadata.get(Metadata.CONTENT_TYPE), describe(e.getCause()));
        } catch (InterruptedException e) {
            parse.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting text", e);
        }
    }

    private ExtractedText parse(BoundedInput content, Metadata metadata) {
        BodyContentHandler text = new BodyContentHandler(maxChars);
        ParseContext context = new ParseContext();
        // documents inside archives and e-mails are read too: their text is as much the message's content
        context.set(Parser.class, parser);
        try (TikaInputStream in = TikaInputStream.get(content)) {
            parser.parse(in, text, metadata, context);
            return new ExtractedText(ExtractedText.Status.EXTRACTED, metadata.get(Metadata.CONTENT_TYPE), text.toString().strip(), false, null);
        } catch (Exception e) {
            String detected = metadata.get(Metadata.CONTENT_TYPE);
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                return new ExtractedText(ExtractedText.Status.EXTRACTED, detected, text.toString().strip(), true, null);
            }
            if (content.exceeded) {
                return ExtractedText.failed(ExtractedText.Status.TOO_LARGE, detected, tooLarge());
            }
            return ExtractedText.failed(ExtractedText.Status.UNREADABLE, detected, describe(e));
        }
    }

    private String tooLarge() {
        return "larger than the extraction limit of " + maxBytes + " bytes";
    }

    private static String describe(Throwable failure) {
        if (failure instanceof EncryptedDocumentException) {
            return "encrypted";
        }
        String message = failure.getMessage();
        String reason = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…";
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the parse was abandoned; closing only hurries its thread along
        }
    }

    @Override
    public void close() {
        parses.shutdownNow();
    }

    /** Stops reading past the limit, so a file of unknown size cannot make the parser read without end. */
    private static final class BoundedInput extends FilterInputStream {
        private final long limit;
        private long read;
        private volatile boolean exceeded;

        BoundedInput(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws IOException {
            read += n;
            if (read > limit) {
                exceeded = true;
                throw new IOException("input exceeds " + limit + " bytes");
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "attachment-text-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
