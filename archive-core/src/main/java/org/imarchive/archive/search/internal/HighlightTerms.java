package org.imarchive.archive.search.internal;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The words a query looks for, per field, taken from the parsed query: plain words and phrase words exactly,
 * wildcards, fuzzy words and ranges through their automata. Words under NOT are left out: they are not in a hit.
 */
public final class HighlightTerms {

    private final Map<String, Set<String>> terms = new HashMap<>();
    private final Map<String, List<ByteRunAutomaton>> patterns = new HashMap<>();

    private HighlightTerms() {
    }

    public static HighlightTerms of(Query query) {
        HighlightTerms collected = new HighlightTerms();
        query.visit(collected.new Collector());
        return collected;
    }

    /** Whether the folded {@code term} is one the query looks for in {@code field}. */
    public boolean matches(String field, String term) {
        if (terms.getOrDefault(field, Set.of()).contains(term)) {
            return true;
        }
        List<ByteRunAutomaton> fieldPatterns = patterns.getOrDefault(field, List.of());
        if (fieldPatterns.isEmpty()) {
            return false;
        }
        BytesRef bytes = new BytesRef(term);
        for (ByteRunAutomaton pattern : fieldPatterns) {
            if (pattern.run(bytes.bytes, bytes.offset, bytes.length)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return terms.isEmpty() && patterns.isEmpty();
    }

    private final class Collector extends QueryVisitor {
        @Override
        public void consumeTerms(Query query, Term... queryTerms) {
            for (Term term : queryTerms) {
                terms.computeIfAbsent(term.field(), f -> new HashSet<>()).add(term.text());
            }
        }

        @Override
        public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
            patterns.computeIfAbsent(field, f -> new ArrayList<>()).add(automaton.get());
        }

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
        }
    }
}
