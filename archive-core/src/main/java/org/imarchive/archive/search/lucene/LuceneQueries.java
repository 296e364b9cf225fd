package org.imarchive.archive.search.lucene;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.imarchive.archive.search.internal.CompiledSearch;
import org.imarchive.archive.search.internal.SearchFields;
import org.imarchive.archive.search.internal.SearchFilter;

import java.util.List;

/** Renders a {@link CompiledSearch} for Lucene: the parsed text query as is, plus filters, sort and resume point. */
final class LuceneQueries {

    private LuceneQueries() {
    }

    static Query query(CompiledSearch search) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(search.textQuery(), BooleanClause.Occur.MUST);
        for (SearchFilter filter : search.filters()) {
            query.add(filter(filter), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    static Sort sort(CompiledSearch search) {
        boolean reverse = search.newestFirst();
        return new Sort(new SortField(SearchFields.SENT_AT, SortField.Type.LONG, reverse),
                new SortField(SearchFields.ID, SortField.Type.STRING, reverse));
    }

    /** The cursor as Lucene's "search after" point; the doc number never decides, since (sentAt, id) is unique. */
    static FieldDoc after(CompiledSearch search) {
        if (search.after() == null) {
            return null;
        }
        return new FieldDoc(Integer.MAX_VALUE, Float.NaN,
                new Object[] {search.after().sentAtMillis(), new BytesRef(search.after().sortId())});
    }

    private static Query filter(SearchFilter filter) {
        if (filter instanceof SearchFilter.AnyOf anyOf) {
            return anyOf(anyOf);
        }
        SearchFilter.TimeRange range = (SearchFilter.TimeRange) filter;
        return LongPoint.newRangeQuery(range.field(),
                range.fromInclusive() == null ? Long.MIN_VALUE : range.fromInclusive(),
                range.toExclusive() == null ? Long.MAX_VALUE : range.toExclusive() - 1);
    }

    private static Query anyOf(SearchFilter.AnyOf anyOf) {
        if (anyOf.values().isEmpty()) {
            return new MatchNoDocsQuery("no value allowed for " + anyOf.field());
        }
        if (anyOf.values().size() == 1) {
            return new TermQuery(new Term(anyOf.field(), anyOf.values().iterator().next()));
        }
        List<BytesRef> values = anyOf.values().stream().map(BytesRef::new).toList();
        return new TermInSetQuery(anyOf.field(), values);
    }
}
