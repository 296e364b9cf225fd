package org.imarchive.production.pdf;

import org.imarchive.production.BatesFormat;

/** Hands out Bates numbers page by page, continuing from one PDF of a production to the next. */
public final class BatesCounter {
    private final BatesFormat format;
    private long next;
    private long issued;

    public BatesCounter(BatesFormat format) {
        this.format = format;
        this.next = format.start();
    }

    String take() {
        issued++;
        return format.format(next++);
    }

    public long pagesNumbered() {
        return issued;
    }

    /** The first number of the production, or null while no page has one. */
    public String first() {
        return issued == 0 ? null : format.format(format.start());
    }

    /** The last number handed out, or null while no page has one. */
    public String last() {
        return issued == 0 ? null : format.format(next - 1);
    }
}
