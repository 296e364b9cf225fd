package org.imarchive.archive.search.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.DateRangeQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TermRangeQuery;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.imarchive.archive.search.InvalidQueryException;
import org.imarchive.archive.search.internal.CompiledSearch;
import org.imarchive.archive.search.internal.SearchFields;
import org.imarchive.archive.search.internal.SearchFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link CompiledSearch} in the Elasticsearch query DSL. The text query arrives as the Lucene query the
 * shared parser built (words already normalized); each node becomes the Elasticsearch query that runs the same Lucene
 * query on the cluster, so both adapters match the same documents.
 */
final class ElasticsearchQueries {

    private ElasticsearchQueries() {
    }

    static Query query(CompiledSearch search) {
        List<Query> filters = search.filters().stream().map(ElasticsearchQueries::filter).toList();
        return Query.of(q -> q.bool(b -> b.must(translate(search.textQuery())).filter(filters)));
    }

    static List<SortOptions> sort(CompiledSearch search) {
        SortOrder order = search.newestFirst() ? SortOrder.Desc : SortOrder.Asc;
        return List.of(
                SortOptions.of(s -> s.field(f -> f.field(SearchFields.SENT_AT).order(order))),
                SortOptions.of(s -> s.field(f -> f.field(SearchFields.ID).order(order))));
    }

    static List<FieldValue> searchAfter(CompiledSearch search) {
        return List.of(FieldValue.of(search.after().sentAtMillis()), FieldValue.of(search.after().sortId()));
    }

    static Query translate(org.apache.lucene.search.Query query) {
        if (query instanceof BooleanQuery bool) {
            return Query.of(q -> q.bool(boolQuery(bool)));
        }
        if (query instanceof TermQuery term) {
            return Query.of(q -> q.term(t -> t.field(term.getTerm().field()).value(term.getTerm().text())));
        }
        if (query instanceof PhraseQuery phrase) {
            return phrase(phrase);
        }
        if (query instanceof WildcardQuery wildcard) {
            Term term = wildcard.getTerm();
            return Query.of(q -> q.wildcard(w -> w.field(term.field()).value(term.text())));
        }
        if (query instanceof PrefixQuery prefix) {
            Term term = prefix.getPrefix();
            return Query.of(q -> q.prefix(p -> p.field(term.field()).value(term.text())));
        }
        if (query instanceof FuzzyQuery fuzzy) {
            Term term = fuzzy.getTerm();
            return Query.of(q -> q.fuzzy(f -> f.field(term.field()).value(term.text())
                    .fuzziness(Integer.toString(fuzzy.getMaxEdits())).prefixLength(fuzzy.getPrefixLength())
                    .transpositions(fuzzy.getTranspositions()).maxExpansions(FuzzyQuery.defaultMaxExpansions)));
        }
        if (query instanceof RegexpQuery regexp) {
            Term term = regexp.getRegexp();
            return Query.of(q -> q.regexp(r -> r.field(term.field()).value(term.text())));
        }
        if (query instanceof org.apache.lucene.search.TermRangeQuery range) {
            return Query.of(q -> q.range(r -> r.term(termRange(range))));
        }
        if (query instanceof PointRangeQuery points) {
            return Query.of(q -> q.range(r -> r.date(timeRange(points))));
        }
        if (query instanceof MatchAllDocsQuery) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        if (query instanceof MatchNoDocsQuery) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        if (query instanceof BoostQuery boost) {
            return translate(boost.getQuery());
        }
        if (query instanceof ConstantScoreQuery constant) {
            return translate(constant.getQuery());
        }
        throw new InvalidQueryException("This kind of query is not supported: " + query, 0, query.toString());
    }

    private static BoolQuery boolQuery(BooleanQuery bool) {
        BoolQuery.Builder builder = new BoolQuery.Builder();
        for (BooleanClause clause : bool.clauses()) {
            Query translated = translate(clause.getQuery());
            switch (clause.getOccur()) {
                case MUST -> builder.must(translated);
                case SHOULD -> builder.should(translated);
                case MUST_NOT -> builder.mustNot(translated);
                case FILTER -> builder.filter(translated);
            }
        }
        if (bool.getMinimumNumberShouldMatch() > 0) {
            builder.minimumShouldMatch(Integer.toString(bool.getMinimumNumberShouldMatch()));
        }
        return builder.build();
    }

    /** The cluster re-splits the phrase on whitespace: the words are already normalized, so it gets them back as is. */
    private static Query phrase(PhraseQuery phrase) {
        Term[] terms = phrase.getTerms();
        int[] positions = phrase.getPositions();
        for (int i = 1; i < positions.length; i++) {
            if (positions[i] != positions[i - 1] + 1) {
                throw new InvalidQueryException("A phrase with gaps cannot be run: " + phrase, 0, phrase.toString());
            }
        }
        List<String> words = new ArrayList<>(terms.length);
        for (Term term : terms) {
            words.add(term.text());
        }
        String field = phrase.getField();
        return Query.of(q -> q.matchPhrase(m -> m.field(field).query(String.join(" ", words)).slop(phrase.getSlop())));
    }

    private static TermRangeQuery termRange(org.apache.lucene.search.TermRangeQuery range) {
        TermRangeQuery.Builder builder = new TermRangeQuery.Builder().field(range.getField());
        BytesRef lower = range.getLowerTerm();
        BytesRef upper = range.getUpperTerm();
        if (lower != null) {
            if (range.includesLower()) {
                builder.gte(lower.utf8ToString());
            } else {
                builder.gt(lower.utf8ToString());
            }
        }
        if (upper != null) {
            if (range.includesUpper()) {
                builder.lte(upper.utf8ToString());
            } else {
                builder.lt(upper.utf8ToString());
            }
        }
        return builder.build();
    }

    /** Lucene point ranges are inclusive on both ends; the open ends are the extreme values. */
    private static DateRangeQuery timeRange(PointRangeQuery points) {
        long lower = LongPoint.decodeDimension(points.getLowerPoint(), 0);
        long upper = LongPoint.decodeDimension(points.getUpperPoint(), 0);
        DateRangeQuery.Builder builder = new DateRangeQuery.Builder().field(points.getField()).format("epoch_millis");
        if (lower != Long.MIN_VALUE) {
            builder.gte(Long.toString(lower));
        }
        if (upper != Long.MAX_VALUE) {
            builder.lte(Long.toString(upper));
        }
        return builder.build();
    }

    private static Query filter(SearchFilter filter) {
        if (filter instanceof SearchFilter.AnyOf anyOf) {
            if (anyOf.values().isEmpty()) {
                return Query.of(q -> q.matchNone(m -> m));
            }
            List<FieldValue> values = anyOf.values().stream().map(FieldValue::of).toList();
            return Query.of(q -> q.terms(t -> t.field(anyOf.field()).terms(v -> v.value(values))));
        }
        SearchFilter.TimeRange range = (SearchFilter.TimeRange) filter;
        DateRangeQuery.Builder builder = new DateRangeQuery.Builder().field(range.field()).format("epoch_millis");
        if (range.fromInclusive() != null) {
            builder.gte(Long.toString(range.fromInclusive()));
        }
        if (range.toExclusive() != null) {
            builder.lt(Long.toString(range.toExclusive()));
        }
        DateRangeQuery dateRange = builder.build();
        return Query.of(q -> q.range(r -> r.date(dateRange)));
    }
}
