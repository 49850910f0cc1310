package org.samizdat.site.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.samizdat.support.Browser;
import org.samizdat.support.PageQuality;

/** The page-quality checks themselves: a page built to fail each of them is reported on every count. */
class PageQualityCatchesTest {

    static final String BAD_PAGE = """
            <!DOCTYPE html><html><head><title>Bad</title><style>a:focus{outline:none}</style></head>
            <body><a href="/elsewhere">First link</a><main><h3>Skipped levels</h3><img src="/nothing.png">
            <p style="width:900px">A paragraph wider than a phone.</p><p style="color:#bbb">Faint text</p></main></body></html>
            """;

    @Test
    void aPageBuiltToFailIsReportedOnEveryCount() {
        try (Browser browser = Browser.start()) {
            browser.driver().get("data:text/html;charset=utf-8," + URLEncoder.encode(BAD_PAGE, StandardCharsets.UTF_8)
                    .replace("+", "%20"));
            List<String> problems = new PageQuality(browser, "http://127.0.0.1:1").recheck("en");

            assertThat(problems).anyMatch(p -> p.startsWith("axe: html-has-lang"))
                    .anyMatch(p -> p.startsWith("axe: image-alt"))
                    .anyMatch(p -> p.startsWith("axe: color-contrast"))
                    .anyMatch(p -> p.startsWith("<html lang> is ''"))
                    .anyMatch(p -> p.equals("first tab stop is not a skip link"))
                    .anyMatch(p -> p.startsWith("no visible focus ring on a \"First link\""))
                    .anyMatch(p -> p.startsWith("horizontal scrolling at 320 px"))
                    .anyMatch(p -> p.startsWith("the page itself came from another origin"));
        }
    }
}
