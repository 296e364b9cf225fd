package org.imarchive.archive.search.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.imarchive.archive.search.InvalidQueryException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code q} (Lucene classic query syntax) into a Lucene query over {@link SearchFields}, with every word
 * normalized as it was at indexing. Words are ANDed; a word without a field is looked for in the text and the
 * attachments; {@code sentAt} and {@code capturedAt} take dates. The result is the one both adapters run.
 */
public final class TextQueryParser {

    private static final Pattern COLUMN = Pattern.compile("column (\\d+)");
    private static final Analyzer ANALYZER = queryAnalyzer();

    private TextQueryParser() {
    }

    /** The query for {@code q}; blank matches every document. */
    public static Query parse(String q) {
        if (q.isBlank()) {
            return new MatchAllDocsQuery();
        }
        try {
            return canonical(new FieldAwareParser().parse(q));
        } catch (ParseException e) {
            throw describe(q, e);
        }
    }

    /**
     * Makes the engines agree where their defaults differ: a clause list with nothing left in it matches nothing, and
     * a query of only exclusions ({@code -spam}) means "everything except", as a person reads it.
     */
    private static Query canonical(Query query) {
        if (query instanceof BoostQuery boost) {
            return canonical(boost.getQuery());
        }
        if (!(query instanceof BooleanQuery bool)) {
            return query;
        }
        if (bool.clauses().isEmpty()) {
            return new MatchNoDocsQuery("no searchable words");
        }
        BooleanQuery.Builder rebuilt = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
        boolean onlyExclusions = true;
        for (BooleanClause clause : bool.clauses()) {
            rebuilt.add(canonical(clause.getQuery()), clause.getOccur());
            onlyExclusions &= clause.getOccur() == BooleanClause.Occur.MUST_NOT;
        }
        if (onlyExclusions) {
            rebuilt.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        return rebuilt.build();
    }

    private static InvalidQueryException describe(String q, ParseException wrapper) {
        Throwable cause = wrapper.getCause() != null ? wrapper.getCause() : wrapper;
        if (cause instanceof BadValueException bad) {
            int column = q.indexOf(bad.token) + 1;
            return new InvalidQueryException(bad.getMessage() + " (column " + column + ")", column, bad.token);
        }
        if (cause instanceof ParseException syntax && syntax.currentToken != null && syntax.currentToken.next != null) {
            org.apache.lucene.queryparser.classic.Token next = syntax.currentToken.next;
            if (next.kind == QueryParserConstants.EOF) {
                int column = q.length() + 1;
                return new InvalidQueryException("The query ends too early at column " + column
                        + ": an operator, field or bracket has nothing after it", column, "");
            }
            int column = next.beginColumn + 1; // the parser counts from 0
            return new InvalidQueryException("Syntax error at column " + column + " near '" + next.image
                    + "': " + hintFor(next.image), column, next.image);
        }
        if (cause instanceof TokenMgrError lexical) {
            Matcher column = COLUMN.matcher(String.valueOf(lexical.getMessage()));
            int at = column.find() ? Integer.parseInt(column.group(1)) + 1 : q.length() + 1;
            int quote = q.lastIndexOf('"');
            String token = quote >= 0 ? q.substring(quote) : "";
            return new InvalidQueryException("Syntax error at column " + at
                    + ": a quoted phrase or escape is not closed" + (token.isEmpty() ? "" : " near '" + token + "'"),
                    at, token);
        }
        if (cause instanceof BooleanQuery.TooManyClauses) {
            return new InvalidQueryException("The query expands to too many words: make wildcards more specific", 0, "");
        }
        return new InvalidQueryException("Syntax error: " + wrapper.getMessage(), 0, "");
    }

    private static String hintFor(String image) {
        return switch (image) {
            case "AND", "OR", "NOT", "&&", "||" -> "an operator needs a word or phrase on each side";
            case ")" -> "a closing bracket without its opening one";
            case ":" -> "a field name must be followed by a word, phrase or range";
            default -> "quote it or escape special characters with a backslash";
        };
    }

    private static Analyzer queryAnalyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        for (String field : SearchFields.KEYWORD_FIELDS) {
            perField.put(field, NormalizingAnalyzer.wholeValue());
        }
        return new PerFieldAnalyzerWrapper(NormalizingAnalyzer.words(), perField);
    }

    /** A semantic problem with one value of the query, such as an unknown field or an unreadable date. */
    private static final class BadValueException extends ParseException {
        private final String token;

        BadValueException(String message, String token) {
            super(message);
            this.token = token;
        }
    }

    private static final class FieldAwareParser extends MultiFieldQueryParser {

        FieldAwareParser() {
            super(SearchFields.DEFAULT_FIELDS.toArray(String[]::new), ANALYZER);
            setDefaultOperator(QueryParser.Operator.AND);
            // a run of Chinese or Thai typed without spaces is several words: they must stand together, which
            // needs the parser to split on whitespace before analysis
            setSplitOnWhitespace(true);
            setAutoGeneratePhraseQueries(true);
            setAllowLeadingWildcard(true);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            if (field != null && SearchFields.TIME_FIELDS.contains(field)) {
                return timeQuery(field, queryText);
            }
            checkField(field);
            return super.getFieldQuery(field, queryText, quoted);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            if (field != null && SearchFields.TIME_FIELDS.contains(field)) {
                return timeQuery(field, queryText);
            }
            checkField(field);
            return super.getFieldQuery(field, queryText, slop);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            if (field != null && SearchFields.TIME_FIELDS.contains(field)) {
                long lower = part1 == null ? Long.MIN_VALUE : lowerBound(part1, startInclusive);
                long upper = part2 == null ? Long.MAX_VALUE : upperBound(part2, endInclusive);
                return LongPoint.newRangeQuery(field, lower, upper);
            }
            checkField(field);
            return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            if (!"*".equals(field)) {
                checkNotTime(field, termStr);
            }
            return super.getWildcardQuery(field, termStr);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            checkNotTime(field, termStr);
            return super.getPrefixQuery(field, termStr);
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            checkNotTime(field, termStr);
            return super.getFuzzyQuery(field, termStr, minSimilarity);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            checkNotTime(field, termStr);
            return super.getRegexpQuery(field, termStr);
        }

        private void checkNotTime(String field, String termStr) throws ParseException {
            checkField(field);
            if (field != null && SearchFields.TIME_FIELDS.contains(field)) {
                throw new BadValueException(field + " takes a date or a range such as [2024-01-01 TO 2024-01-31], not '"
                        + termStr + "'", termStr);
            }
        }

        private static void checkField(String field) throws ParseException {
            if (field != null && !SearchFields.isQueryable(field)) {
                throw new BadValueException("Unknown field '" + field + "'; fields are "
                        + String.join(", ", queryableFields()), field + ":");
            }
        }

        private static Iterable<String> queryableFields() {
            java.util.List<String> all = new java.util.ArrayList<>(SearchFields.WORD_FIELDS);
            all.addAll(SearchFields.KEYWORD_FIELDS);
            all.addAll(SearchFields.TIME_FIELDS);
            all.remove(SearchFields.PARTICIPANT_KEY);
            return all;
        }

        /** A bare date is that whole UTC day; an instant is that millisecond. */
        private static Query timeQuery(String field, String value) throws ParseException {
            return LongPoint.newRangeQuery(field, lowerBound(value, true), upperBound(value, true));
        }

        private static long lowerBound(String value, boolean inclusive) throws ParseException {
            TimeSpan span = parseTime(value);
            return inclusive ? span.first : span.last + 1;
        }

        private static long upperBound(String value, boolean inclusive) throws ParseException {
            TimeSpan span = parseTime(value);
            return inclusive ? span.last : span.first - 1;
        }

        private static TimeSpan parseTime(String value) throws ParseException {
            try {
                long at = Instant.parse(value).toEpochMilli();
                return new TimeSpan(at, at);
            } catch (DateTimeParseException notInstant) {
                try {
                    long at = LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).toEpochMilli();
                    return new TimeSpan(at, at);
                } catch (DateTimeParseException notLocal) {
                    try {
                        LocalDate day = LocalDate.parse(value);
                        long first = day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
                        return new TimeSpan(first, day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() - 1);
                    } catch (DateTimeParseException notDate) {
                        throw new BadValueException("'" + value + "' is not a date (2024-05-01) or an instant"
                                + " (\"2024-05-01T09:30:00Z\")", value);
                    }
                }
            }
        }

        private record TimeSpan(long first, long last) {
        }
    }
}
