package org.samizdat.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * Every word a reader or editor sees comes from the message bundles, so each page exists in English and
 * Russian: no template may carry text of its own, in its markup or in attributes people read.
 */
class TemplateWordsTest {

    private static final List<String> READ_ATTRIBUTES = List.of("alt", "title", "aria-label", "placeholder", "value");

    @Test
    void templatesCarryNoHardCodedWords() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jte")).toList()) {
                String markup = withoutTemplateCode(Files.readString(file, StandardCharsets.UTF_8));
                for (Element el : Jsoup.parse(markup).getAllElements()) {
                    if (el.normalName().equals("script") || el.normalName().equals("style")) {
                        continue;
                    }
                    for (TextNode text : el.textNodes()) {
                        if (hasWords(text.text())) {
                            found.add(file + ": \"" + text.text().strip() + "\"");
                        }
                    }
                    for (Attribute attr : el.attributes()) {
                        if (readByPeople(el, attr.getKey()) && hasWords(attr.getValue())) {
                            found.add(file + ": " + attr.getKey() + "=\"" + attr.getValue() + "\"");
                        }
                    }
                }
            }
        }
        assertThat(found).as("words outside the message bundles").isEmpty();
    }

    @Test
    void theCheckSeesWordsItShouldRefuse() {
        assertThat(hasWords(withoutTemplateCode("<p>Read more</p>"))).isTrue();
        assertThat(Jsoup.parse(withoutTemplateCode("<p>${t.get(\"story.readMore\")}</p>")).text()).isBlank();
        assertThat(Jsoup.parse(withoutTemplateCode("@if(x)<b>${a} · ${b}</b>@endif")).text()).isEqualTo("·");
    }

    private static boolean readByPeople(Element el, String attribute) {
        if (attribute.equals("value")) {
            return el.normalName().equals("input") && List.of("submit", "button", "reset").contains(el.attr("type"));
        }
        return READ_ATTRIBUTES.contains(attribute);
    }

    private static boolean hasWords(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    /** Removes jte code (expressions, directives, imports) and keeps the markup around it. */
    static String withoutTemplateCode(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("$unsafe{", i)) {
                i = skipBalanced(template, i + "$unsafe".length(), '{', '}');
            } else if (template.startsWith("${", i) || template.startsWith("!{", i)) {
                i = skipBalanced(template, i + 1, '{', '}');
            } else if (template.startsWith("@import", i) || template.startsWith("@param", i)) {
                int end = template.indexOf('\n', i);
                i = end < 0 ? template.length() : end + 1;
            } else if (template.startsWith("@`", i) || (template.charAt(i) == '`' && i > 0)) {
                i += template.startsWith("@`", i) ? 2 : 1;
            } else if (template.charAt(i) == '@' && i + 1 < template.length()
                    && Character.isLetter(template.charAt(i + 1))) {
                int j = i + 1;
                while (j < template.length() && (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '.')) {
                    j++;
                }
                i = j < template.length() && template.charAt(j) == '(' ? skipCall(template, j) : j;
            } else {
                out.append(template.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Skips a directive's argument list; a template call's content block (@`…`) is markup and is kept. */
    private static int skipCall(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = s.indexOf('"', i + 1);
            } else if (c == '@' && i + 1 < s.length() && s.charAt(i + 1) == '`') {
                return i;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return s.length();
    }

    private static int skipBalanced(String s, int open, char in, char out) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = s.indexOf('"', i + 1);
            } else if (c == in) {
                depth++;
            } else if (c == out && --depth == 0) {
                return i + 1;
            }
        }
        return s.length();
    }
}
