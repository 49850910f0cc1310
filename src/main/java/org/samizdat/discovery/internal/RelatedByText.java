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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.samizdat.content.PublishedStory;
import org.samizdat.content.RelatedStories;
import org.samizdat.content.Stories;
import org.samizdat.content.StoryCard;
import org.samizdat.content.TagRef;
import org.samizdat.shared.Language;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * "Read more" by similarity: Lucene's MoreLikeThis over headline and body, plus shared tags and section, in
 * the story's language, scored down with age so recent stories win ties; never the story itself. Only live
 * stories come back (the cards are read from the database). The picks (ids) are kept per index state in a
 * {@link RelatedCache}, so a story page rendered again costs one query by id instead of a similarity search.
 */
@Component
class RelatedByText implements RelatedStories {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RelatedByText.class);
    private static final int POOL = 24;
    private static final double HALF_LIFE_DAYS = 60;

    private final SearchIndex index;
    private final Stories stories;
    private final RelatedCache picks = new RelatedCache();

    RelatedByText(SearchIndex index, @Lazy Stories stories) {
        this.index = index;
        this.stories = stories;
    }

    @Override
    public List<StoryCard> related(PublishedStory story, int limit) {
        try {
            List<Long> ids = index.search(searcher -> picks.get(searcher.getIndexReader(), story.id(), limit,
                    () -> similar(searcher, story, limit)));
            return ids.isEmpty() ? List.of() : stories.cards(ids);
        } catch (RuntimeException e) {
            log.warn("Could not find related stories for story {}", story.id(), e);
            return List.of();
        }
    }

    private static List<Long> similar(IndexSearcher searcher, PublishedStory story, int limit) throws IOException {
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
        for (TagRef tag : story.tags()) {
            any.add(boost(new TermQuery(new Term(StoryDocuments.TAG, tag.slug())), 2f), BooleanClause.Occur.SHOULD);
        }
        if (story.section() != null) {
            any.add(boost(new TermQuery(new Term(StoryDocuments.SECTION, story.section().slug())), 1f),
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
        return scored.stream().limit(limit).map(s -> (long) s[1]).toList();
    }

    /** A number kept as doc values: no stored document (with its whole body) is decompressed for it. */
    private static long value(LeafReaderContext leaf, String field, int doc) throws IOException {
        NumericDocValues values = DocValues.getNumeric(leaf.reader(), field);
        if (!values.advanceExact(doc - leaf.docBase)) {
            throw new IOException("No " + field + " for document " + doc);
        }
        return values.longValue();
    }

    /** A renamed tag or section changes what a story's query asks for. */
    @org.springframework.context.event.EventListener
    void on(org.samizdat.content.CatalogueChanged event) {
        picks.clear();
    }

    private static Query boost(Query query, float boost) {
        return new BoostQuery(query, boost);
    }
}
