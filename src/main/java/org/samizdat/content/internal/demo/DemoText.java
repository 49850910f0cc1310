package org.samizdat.content.internal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.samizdat.shared.Language;

/**
 * Plausible filler text for generated stories, recombined from the sentences of the demo stories in the
 * same language, so search and page-size benchmarks see real words in both languages.
 */
final class DemoText {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?»])\\s+(?=[A-ZА-ЯЁ«\"])");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]+\\)");

    private final List<String> sentences = new ArrayList<>();
    private final List<String> subheads = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();

    DemoText(List<DemoEntry> stories) {
        for (DemoEntry story : stories) {
            tags.addAll(story.list("tags"));
            for (String block : story.body().split("\\n\\s*\\n")) {
                String text = block.strip();
                if (text.startsWith("## ")) {
                    subheads.add(text.substring(3).strip());
                } else if (!text.isEmpty() && Character.isLetter(text.charAt(0))) {
                    String plain = LINK.matcher(text.replace('\n', ' ')).replaceAll("$1").replace("**", "").replace("*", "");
                    for (String sentence : SENTENCE_END.split(plain)) {
                        if (sentence.length() > 30) {
                            sentences.add(sentence.strip());
                        }
                    }
                }
            }
        }
        if (sentences.isEmpty() || subheads.isEmpty() || tags.isEmpty()) {
            throw new IllegalStateException("Demo stories give too little text to generate more");
        }
    }

    static DemoText of(DemoLibrary library, Language language) {
        return new DemoText(language == Language.RU ? library.russian() : library.english());
    }

    String paragraph(Random random, int sentenceCount) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sentenceCount; i++) {
            out.append(i == 0 ? "" : " ").append(sentence(random));
        }
        return out.toString();
    }

    String sentence(Random random) {
        return sentences.get(random.nextInt(sentences.size()));
    }

    String subhead(Random random) {
        return subheads.get(random.nextInt(subheads.size()));
    }

    String tag(Random random) {
        return tags.get(random.nextInt(tags.size()));
    }

    /** A headline made from a short sentence (or a long one's opening clause), without the closing stop. */
    String headline(Random random) {
        String sentence = sentence(random);
        for (int tries = 0; tries < 20 && sentence.split("\\s+").length > 14; tries++) {
            sentence = sentence(random);
        }
        int comma = sentence.indexOf(", ");
        if (sentence.split("\\s+").length > 14 && comma > 20) {
            sentence = sentence.substring(0, comma);
        }
        String headline = sentence.replaceAll("[.!?:;,]+$", "").strip();
        return headline.length() > 150 ? headline.substring(0, 150) : headline;
    }
}
