package org.samizdat.discovery.internal;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Encoder;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.samizdat.shared.Language;

/** A short passage of a story around the matched words, HTML-escaped, with the words in {@code <mark>}. */
final class Snippets {

    private static final int FRAGMENT = 180;
    private static final Encoder ESCAPE = Snippets::escape;

    private Snippets() {
    }

    static String of(Query text, Language language, String body, String standfirst) {
        String field = StoryDocuments.field(StoryDocuments.BODY, language);
        try {
            QueryScorer scorer = new QueryScorer(text, field);
            Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), ESCAPE, scorer);
            highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, FRAGMENT));
            highlighter.setMaxDocCharsToAnalyze(100_000);
            String best = highlighter.getBestFragment(StoryDocuments.analyzer(language), field, body);
            if (best != null) {
                return best.strip() + " …";
            }
        } catch (Exception e) {
            // fall through to the plain beginning of the story
        }
        String plain = standfirst == null || standfirst.isBlank() ? body : standfirst;
        if (plain.length() <= FRAGMENT) {
            return escape(plain);
        }
        int end = Character.isHighSurrogate(plain.charAt(FRAGMENT - 1)) ? FRAGMENT - 1 : FRAGMENT;
        return escape(plain.substring(0, end)) + " …";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
