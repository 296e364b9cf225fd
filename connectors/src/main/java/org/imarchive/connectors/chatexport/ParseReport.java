package org.imarchive.connectors.chatexport;

import java.util.List;

/**
 * What a parser could not import and what the uploader should know, beside the records it delivered.
 *
 * @param warnings facts about the import worth a look (an assumed day/month order, a header-like line kept inside a
 *                 message); never message content
 */
public record ParseReport(List<SetAside> setAside, List<String> warnings) {
    public ParseReport {
        setAside = List.copyOf(setAside);
        warnings = List.copyOf(warnings);
    }
}
