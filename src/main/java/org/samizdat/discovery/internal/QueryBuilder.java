package org.samizdat.discovery.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.samizdat.shared.Language;

/**
 * Turns a reader's words into a Lucene query. The words are analysed once per language (English and
 * Russian stemming) against that language's fields, and the two readings are OR-ed. Syntax is the forgiving
 * "simple" kind: quotes for phrases, {@code -} to exclude, {@code |} for either; it never fails on input.
 */
final class QueryBuilder {

    private static final int FLAGS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.OR_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.ESCAPE_OPERATOR
            | SimpleQueryParser.WHITESPACE_OPERATOR;

    private QueryBuilder() {
    }

    /** The text part alone (null when no word survives analysis), also used to pick snippet words. */
    static Query text(String words) {
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        int clauses = 0;
        for (Language language : Language.values()) {
            SimpleQueryParser parser = new SimpleQueryParser(StoryDocuments.analyzer(language), Map.of(
                    StoryDocuments.field(StoryDocuments.HEADLINE, language), 3f,
                    StoryDocuments.field(StoryDocuments.STANDFIRST, language), 2f,
                    StoryDocuments.field(StoryDocuments.BODY, language), 1f), FLAGS);
            parser.setDefaultOperator(BooleanClause.Occur.MUST);
            Query query = parser.parse(words);
            if (query != null && !(query instanceof org.apache.lucene.search.MatchNoDocsQuery)) {
                either.add(query, BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : either.build();
    }

    /** The text query with the request's filters. */
    static Query filtered(Query text, SearchRequest request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        if (request.language() != null) {
            query.add(new TermQuery(new Term(StoryDocuments.LANG, request.language().code())), BooleanClause.Occur.FILTER);
        }
        if (request.section() != null) {
            query.add(new TermQuery(new Term(StoryDocuments.SECTION, request.section())), BooleanClause.Occur.FILTER);
        }
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : millis(request.from());
            long to = request.to() == null ? Long.MAX_VALUE : millis(request.to().plusDays(1)) - 1;
            query.add(LongPoint.newRangeQuery(StoryDocuments.PUBLISHED, from, to), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    private static long millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
