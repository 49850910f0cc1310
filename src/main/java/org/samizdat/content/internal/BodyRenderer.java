package org.samizdat.content.internal;

import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Turns what an author typed (Markdown, which may contain raw HTML) into HTML that is safe to show
 * readers: only an allowlist of tags and attributes survives, links may only be http(s), mailto or
 * host-relative, and images only host-relative (no request to another host, no tracking pixels).
 */
@Component
public class BodyRenderer {

    private static final Pattern SAFE_LINK = Pattern.compile("(?i)^(https?://|mailto:|/(?!/)|#)[^\\s]*$");
    private static final Pattern LOCAL_IMAGE = Pattern.compile("^/(?!/)[A-Za-z0-9._~/%-]*$");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "strong", "em", "b",
                    "i", "u", "s", "sub", "sup", "code", "pre", "a", "img", "figure", "figcaption", "table",
                    "thead", "tbody", "tr", "th", "td", "caption", "abbr", "cite", "q", "small", "mark", "span")
            .allowAttributes("href").matching(SAFE_LINK).onElements("a")
            .allowAttributes("title").onElements("a", "abbr", "img")
            .allowAttributes("lang").matching(Pattern.compile("^(en|ru)$")).globally()
            .allowAttributes("src").matching(LOCAL_IMAGE).onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("width", "height").matching(Pattern.compile("^[0-9]{1,4}$")).onElements("img")
            .allowAttributes("colspan", "rowspan").matching(Pattern.compile("^[0-9]{1,2}$")).onElements("td", "th")
            .allowAttributes("start").matching(Pattern.compile("^[0-9]{1,5}$")).onElements("ol")
            .allowElements((name, attrs) -> {
                attrs.add("loading");
                attrs.add("lazy");
                return name;
            }, "img")
            .allowAttributes("loading").matching(Pattern.compile("^lazy$")).onElements("img")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("noopener", "noreferrer")
            .toFactory();

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().build();

    /** Markdown source to sanitised HTML. */
    public String render(String markdown) {
        String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        return sanitise(html);
    }

    /** Applies the allowlist to HTML from any source. */
    public String sanitise(String html) {
        return POLICY.sanitize(html == null ? "" : html);
    }
}
