package org.samizdat.discovery.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.samizdat.content.StoryText;
import org.samizdat.content.TagRef;
import org.samizdat.shared.Language;

/**
 * How a story becomes a Lucene document. Text fields carry the language in their name
 * ({@code body_en}, {@code body_ru}) so each is analysed with its own language's stemmer.
 */
final class StoryDocuments {

    static final String ID = "id";
    static final String ID_VALUE = "id_value";
    static final String LANG = "lang";
    static final String SECTION = "section";
    static final String SECTION_NAME = "section_name";
    static final String TAG = "tag";
    static final String SLUG = "slug";
    static final String PUBLISHED = "published";
    static final String GENERATION = "gen";
    static final String HEADLINE = "headline_";
    static final String STANDFIRST = "standfirst_";
    static final String BODY = "body_";

    private static final Map<Language, Analyzer> ANALYZERS = Map.of(
            Language.EN, new EnglishAnalyzer(), Language.RU, new RussianAnalyzer());
    private static final Analyzer FIELDS = perField();
    /**
     * Headline and body keep their term vectors, so "Read more" (MoreLikeThis) reads a story's terms from the
     * index instead of analysing its whole text again on every story page.
     */
    private static final FieldType WITH_VECTORS = withVectors();

    private StoryDocuments() {
    }

    static Analyzer analyzer(Language language) {
        return ANALYZERS.get(language);
    }

    /** The analyzer for the whole index: per language for text fields, standard for the rest. */
    static Analyzer analyzer() {
        return FIELDS;
    }

    static String field(String prefix, Language language) {
        return prefix + language.code();
    }

    static Document of(StoryText story, String generation) {
        Language l = story.language();
        Document doc = new Document();
        doc.add(new StringField(ID, String.valueOf(story.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(ID_VALUE, story.id()));
        doc.add(new StringField(LANG, l.code(), Field.Store.YES));
        doc.add(new StringField(SLUG, story.slug(), Field.Store.YES));
        doc.add(new StringField(GENERATION, generation, Field.Store.NO));
        if (story.section() != null) {
            doc.add(new StringField(SECTION, story.section().slug(), Field.Store.YES));
            doc.add(new StoredField(SECTION_NAME, story.section().name(l)));
        }
        for (TagRef tag : story.tags()) {
            doc.add(new StringField(TAG, tag.slug(), Field.Store.NO));
        }
        long published = (story.publishedAt() == null ? Instant.EPOCH : story.publishedAt()).toEpochMilli();
        doc.add(new LongPoint(PUBLISHED, published));
        doc.add(new NumericDocValuesField(PUBLISHED, published));
        doc.add(new StoredField(PUBLISHED, published));
        doc.add(new Field(field(HEADLINE, l), story.headline(), WITH_VECTORS));
        doc.add(new TextField(field(STANDFIRST, l), story.standfirst(), Field.Store.YES));
        doc.add(new Field(field(BODY, l), PlainText.of(story.bodyHtml()), WITH_VECTORS));
        return doc;
    }

    private static FieldType withVectors() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setStoreTermVectors(true);
        type.freeze();
        return type;
    }

    private static Analyzer perField() {
        Map<String, Analyzer> fields = new HashMap<>();
        for (Language l : Language.values()) {
            for (String prefix : new String[] {HEADLINE, STANDFIRST, BODY}) {
                fields.put(field(prefix, l), ANALYZERS.get(l));
            }
        }
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), fields);
    }
}
