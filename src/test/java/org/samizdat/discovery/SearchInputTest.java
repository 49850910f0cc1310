package org.samizdat.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Whatever a reader types, the search page answers with a helpful page, never a server error. */
@AppTest
class SearchInputTest {

    private static final String ALPHABET = "abcdrillsучениях \"*:()~\\[]{}^!+-&|/?<>'%#;@=.,\t\n\u0000\u0007\u202e\u00e9"
            + "漢字🙂\uD800AND OR NOT TO";

    @LocalServerPort
    int port;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    CatalogRepository catalog;

    void check(Desk desk, String query) throws Exception {
        HttpResponse<String> page = desk.search("en", query);
        assertThat(page.statusCode()).as(query).isEqualTo(200);
        assertThat(page.body()).as(query).contains("<form class=\"search-form\"").doesNotContain("Exception", "<script");
    }

    @Test
    void luceneSyntaxLongQueriesAndControlCharactersGetAHelpfulPage() throws Exception {
        Desk desk = new Desk(workflow, catalog, port);
        desk.publish(Language.EN, "Syntax story drills", "drills", null, List.of());
        for (String query : List.of("\"", "\"drills", "*", "dri*", ":", "title:drills", "(", "(drills", ")", "~",
                "drills~2", "\\", "drills\\", "-", "-drills", "|", "+", "&&", "AND", "\u0000\u0001", "drills \u0007",
                "drills учения 漢字", "🙂", " ", "", "a".repeat(10_000), "drills ".repeat(2_000), "<script>alert(1)</script>",
                "%", "' or 1=1 --")) {
            check(desk, query);
        }
        HttpResponse<String> longOne = desk.search("en", "drills " + "x".repeat(10_000));
        assertThat(longOne.body()).contains("only its first 256 characters");
        assertThat(desk.search("en", "!!! ... ,,, ???").body()).contains("no words to look for");
        assertThat(desk.get("/en/search").body()).contains("Type a few words");
    }

    @Test
    void thousandsOfRandomQueriesNeverBreakThePage() throws Exception {
        Desk desk = new Desk(workflow, catalog, port);
        desk.publish(Language.EN, "Random story drills", "drills учениях", null, List.of());
        Random random = new Random(20261127L);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            int length = random.nextInt(10) == 0 ? 300 + random.nextInt(3000) : random.nextInt(24);
            StringBuilder query = new StringBuilder();
            while (query.length() < length) {
                int at = random.nextInt(ALPHABET.length());
                query.append(random.nextInt(50) == 0 ? (char) random.nextInt(0x10000) : ALPHABET.charAt(at));
            }
            HttpResponse<String> page = desk.search("en", query.toString());
            if (page.statusCode() != 200 || !page.body().contains("search-form")) {
                failures.add(page.statusCode() + " for " + query.toString().codePoints().limit(80)
                        .mapToObj(Integer::toHexString).toList());
            }
        }
        assertThat(failures).isEmpty();
    }
}
