package org.imarchive.supervision.lexicon.internal;

/**
 * A text that gives up when a regex has read it for too long. Java's regex engine backtracks, and a pattern such as
 * {@code (a+)+$} takes exponential time on some inputs; the engine reads the text only through {@code charAt}, so
 * checking the clock there (every 1,024 reads, to keep the cost small) stops any pattern on any input.
 */
public final class DeadlineCharSequence implements CharSequence {

    /** Thrown from {@code charAt} once the deadline has passed; the matcher is then unusable. */
    public static final class DeadlineExceeded extends RuntimeException {
        DeadlineExceeded() {
            super(null, null, false, false);
        }
    }

    private final CharSequence text;
    private final long deadlineNanos;
    private int reads;

    public DeadlineCharSequence(CharSequence text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 1023) == 0 && System.nanoTime() - deadlineNanos > 0) {
            throw new DeadlineExceeded();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
