package org.samizdat.revenue.asks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.samizdat.shared.web.InlineScript;

/** Asserts that a whole page (its templates and noscript blocks included) carries nothing that runs or calls out. */
final class SafePage {

    private static final List<String> FORBIDDEN = List.of("iframe", "object", "embed", "svg", "math", "base", "style",
            "frame", "frameset", "applet");

    /** The one inline script allowed: the asks' gate, byte for byte as the CSP hash covers it. */
    private static final InlineScript GATE = InlineScript.resource("inline/asks-gate.js");

    private SafePage() {
    }

    static Document check(String html) {
        Document doc = Jsoup.parse(html);
        for (Element el : doc.getAllElements()) {
            assertThat(el.normalName()).as("element").isNotIn(FORBIDDEN);
            if (el.normalName().equals("script")) {
                assertThat(el.attr("src").equals("/assets/asks.js") || el.attr("type").equals("application/ld+json")
                        || el.hasAttr("data-asks-gate") && el.data().equals(GATE.source()))
                        .as("script %s", el.outerHtml()).isTrue();
            }
            if (List.of("meta", "link").contains(el.normalName())) {
                assertThat(el.parents()).as("%s outside head", el.normalName()).anyMatch(p -> p.normalName().equals("head"));
            }
            for (Attribute attr : el.attributes()) {
                String name = attr.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute on %s", el.normalName()).doesNotStartWith("on")
                        .isNotIn("style", "srcdoc", "srcset", "formaction", "xlink:href");
                if (List.of("href", "src", "action").contains(name)) {
                    String value = attr.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                    assertThat(value).as("%s on %s", name, el.normalName())
                            .doesNotStartWith("javascript:").doesNotStartWith("data:").doesNotStartWith("vbscript:");
                }
            }
        }
        return doc;
    }
}
