package org.imarchive.supervision.policy;

import java.util.List;
import java.util.Objects;

/**
 * Text that must not flag: a standard disclaimer, a signature. A hit of the policy that lies wholly inside a span
 * matched by an exclusion is dropped; the text is not cut out, so offsets stay true and the words on either side of
 * a disclaimer never run together into a phrase that was not written.
 *
 * @param regex a regular expression over the folded text, or null
 */
public record Exclusion(String id, List<String> phrases, String regex) {

    public Exclusion {
        Objects.requireNonNull(id, "id");
        phrases = List.copyOf(phrases);
    }
}
