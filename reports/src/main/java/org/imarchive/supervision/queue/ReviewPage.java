package org.imarchive.supervision.queue;

import java.util.List;

/** One page of items and how many match in all. */
public record ReviewPage(long total, List<ReviewItem> items) {

    public ReviewPage {
        items = List.copyOf(items);
    }
}
