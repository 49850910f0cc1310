package org.samizdat.discovery.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.samizdat.content.StoryPaths;
import org.samizdat.discovery.internal.SearchResults.Problem;
import org.samizdat.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Runs a reader's search against the index: ranked hits with highlighted snippets, a page at a time. */
@Service
public class StorySearch {

    public static final int PAGE_SIZE = 10;
    private static final Logger log = LoggerFactory.getLogger(StorySearch.class);

    private final SearchIndex index;

    StorySearch(SearchIndex index) {
        this.index = index;
    }

    public SearchResults search(SearchRequest request) {
        if (request.blank()) {
            return SearchResults.problem(Problem.EMPTY_QUERY);
        }
        try {
            Query text = QueryBuilder.text(request.query());
            if (text == null) {
                return SearchResults.problem(Problem.NOTHING_TO_SEARCH);
            }
            Query query = QueryBuilder.filtered(text, request);
            return index.search(searcher -> page(searcher, query, text, request.page()));
        } catch (RuntimeException e) {
            log.debug("Search for a query of {} characters failed", request.query().length(), e);
            return SearchResults.problem(Problem.UNREADABLE);
        }
    }

    private static SearchResults page(IndexSearcher searcher, Query query, Query text, int page)
            throws java.io.IOException {
        TopDocs top = searcher.search(query, page * PAGE_SIZE);
        long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value : searcher.count(query);
        int pages = (int) Math.max(1, Math.min(SearchRequest.MAX_PAGE, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        List<SearchHit> hits = new ArrayList<>();
        ScoreDoc[] docs = top.scoreDocs;
        var stored = searcher.storedFields();
        for (int i = (page - 1) * PAGE_SIZE; i < docs.length; i++) {
            hits.add(hit(stored.document(docs[i].doc), text));
        }
        return new SearchResults(hits, total, Math.min(page, pages), pages, Problem.NONE);
    }

    private static SearchHit hit(Document doc, Query text) {
        Language language = Language.of(doc.get(StoryDocuments.LANG));
        String body = doc.get(StoryDocuments.field(StoryDocuments.BODY, language));
        String standfirst = doc.get(StoryDocuments.field(StoryDocuments.STANDFIRST, language));
        long published = doc.getField(StoryDocuments.PUBLISHED).numericValue().longValue();
        return new SearchHit(Long.parseLong(doc.get(StoryDocuments.ID)), language,
                StoryPaths.story(language, doc.get(StoryDocuments.SLUG)),
                doc.get(StoryDocuments.field(StoryDocuments.HEADLINE, language)),
                Snippets.of(text, language, body == null ? "" : body, standfirst),
                doc.get(StoryDocuments.SECTION_NAME), Instant.ofEpochMilli(published));
    }
}
