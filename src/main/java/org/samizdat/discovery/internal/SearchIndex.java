package org.samizdat.discovery.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.samizdat.shared.web.SiteProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The Lucene index on local disk ({@code <data-dir>/search}): one writer for the life of the app and a
 * near-real-time searcher refreshed after every change, so a change is searchable as soon as it is made.
 * Each commit records the content fingerprint it reflects, which tells a restart whether to rebuild.
 */
@Component
public class SearchIndex implements DisposableBean {

    static final String SCHEMA = "3";

    /** Work done with a searcher, which may fail on I/O. */
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    SearchIndex(SiteProperties site) throws IOException {
        this.path = Path.of(site.dataDir(), "search");
        Files.createDirectories(path);
        this.directory = FSDirectory.open(path);
        IndexWriterConfig config = new IndexWriterConfig(StoryDocuments.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setRAMBufferSizeMB(48);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    /** What the last commit recorded: fingerprint, generation and schema (empty for a new index). */
    Map<String, String> committed() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    void put(long storyId, Document doc) throws IOException {
        writer.updateDocument(new Term(StoryDocuments.ID, String.valueOf(storyId)), doc);
    }

    void delete(long storyId) throws IOException {
        writer.deleteDocuments(new Term(StoryDocuments.ID, String.valueOf(storyId)));
    }

    void deleteAll() throws IOException {
        writer.deleteAll();
    }

    /** Drops every document not written by the given build generation. */
    void deleteOtherGenerations(String generation) throws IOException {
        writer.deleteDocuments(new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(StoryDocuments.GENERATION, generation)), BooleanClause.Occur.MUST_NOT)
                .build());
    }

    synchronized void commit(String fingerprint, String generation) throws IOException {
        writer.setLiveCommitData(Map.of("fingerprint", fingerprint, "generation", generation, "schema", SCHEMA)
                .entrySet());
        writer.commit();
    }

    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    public <T> T search(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int documents() {
        return search(s -> s.getIndexReader().numDocs());
    }

    /** Bytes of the index files on disk. */
    public long sizeOnDisk() {
        try (var files = Files.list(path)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void destroy() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
