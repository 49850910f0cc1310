package org.samizdat.discovery.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.samizdat.shared.Language;

/**
 * The similarity search behind "Read more": Lucene's MoreLikeThis over headline and body (terms read from the
 * index's term vectors), plus shared tags and section, in the story's language, scored down with age so recent
 * stories win ties; never the story itself. Returns up to {@link #POOL} ids, best first.
 */
final class SimilarStories {

    /** The similar stories' ids, best first; {@code indexed} false when the index did not hold the story itself. */
    record Result(List<Long> ids, boolean indexed) {
    }

    static final int POOL = 24;
    private static final double HALF_LIFE_DAYS = 60;

    private SimilarStories() {
    }

    static Result of(IndexSearcher searcher, Probe story) throws IOException {
        TopDocs self = searcher.search(new TermQuery(new Term(StoryDocuments.ID, String.valueOf(story.id()))), 1);
        Language language = story.language();
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (self.scoreDocs.length > 0) {
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(StoryDocuments.analyzer());
            mlt.setFieldNames(new String[] {StoryDocuments.field(StoryDocuments.HEADLINE, language),
                    StoryDocuments.field(StoryDocuments.BODY, language)});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMaxQueryTerms(30);
            for (BooleanClause term : (BooleanQuery) mlt.like(self.scoreDocs[0].doc)) {
                any.add(term.getQuery(), BooleanClause.Occur.SHOULD);
            }
        }
        for (String tag : story.tags()) {
            any.add(new BoostQuery(new TermQuery(new Term(StoryDocuments.TAG, tag)), 2f), BooleanClause.Occur.SHOULD);
        }
        if (story.section() != null) {
            any.add(new BoostQuery(new TermQuery(new Term(StoryDocuments.SECTION, story.section())), 1f),
                    BooleanClause.Occur.SHOULD);
        }
        // One flat disjunction of the story's terms, tags and section, required: the same matches and scores as
        // SHOULD clauses with one needed, but Lucene can skip blocks that cannot reach the top (a nested
        // MoreLikeThis query was scored document by document).
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(any.build(), BooleanClause.Occur.MUST);
        query.add(new TermQuery(new Term(StoryDocuments.LANG, language.code())), BooleanClause.Occur.FILTER);
        query.add(new TermQuery(new Term(StoryDocuments.ID, String.valueOf(story.id()))), BooleanClause.Occur.MUST_NOT);
        // Counting hits only up to the pool size (not Lucene's default 1,000) lets it skip non-competitive
        // documents from the start: the same top hits in the same order, only the total count is left unknown.
        TopDocs top = searcher.search(query.build(), new TopScoreDocCollectorManager(POOL, null, POOL));
        long now = System.currentTimeMillis();
        List<double[]> scored = new ArrayList<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc hit : top.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            long published = value(leaf, StoryDocuments.PUBLISHED, hit.doc);
            double ageDays = Math.max(0, (now - published) / 86_400_000.0);
            double recency = 0.5 + 0.5 * Math.pow(0.5, ageDays / HALF_LIFE_DAYS);
            scored.add(new double[] {hit.score * recency, value(leaf, StoryDocuments.ID_VALUE, hit.doc)});
        }
        scored.sort(Comparator.comparingDouble((double[] s) -> s[0]).reversed());
        return new Result(scored.stream().map(s -> (long) s[1]).toList(), self.scoreDocs.length > 0);
    }

    /** A number kept as doc values: no stored document (with its whole body) is decompressed for it. */
    private static long value(LeafReaderContext leaf, String field, int doc) throws IOException {
        NumericDocValues values = DocValues.getNumeric(leaf.reader(), field);
        if (!values.advanceExact(doc - leaf.docBase)) {
            throw new IOException("No " + field + " for document " + doc);
        }
        return values.longValue();
    }
}
