package org.samizdat.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Search over real HTTP: stemming in both languages, snippets, filters, paging, withdrawals and edits. */
@AppTest
class SearchTest {

    @LocalServerPort
    int port;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    CatalogRepository catalog;

    Desk desk;

    @BeforeEach
    void desk() {
        desk = new Desk(workflow, catalog, port);
    }

    static List<String> headlines(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).select("ol.results h2 a").eachText();
    }

    @Test
    void englishAndRussianWordsAreStemmed() throws Exception {
        desk.publish(Language.EN, "Navy holds a drill off Kaliningrad zorblat", "The drill lasted a day.", null, List.of());
        desk.publish(Language.RU, "Флот в Балтийском море zorblat", "Сообщается об учениях флота у берегов.", null,
                List.of());
        assertThat(headlines(desk.search("en", "zorblat drills"))).containsExactly("Navy holds a drill off Kaliningrad zorblat");
        assertThat(headlines(desk.search("ru", "zorblat учения"))).containsExactly("Флот в Балтийском море zorblat");
        assertThat(headlines(desk.search("en", "zorblat"))).hasSize(2);
    }

    @Test
    void snippetsMarkTheWordsAndEscapeEverythingElse() throws Exception {
        desk.publish(Language.EN, "Snippet story quillfeather", "Before <script>alert(1)</script> & \"quotes\" the"
                + " quillfeather appears in the body text of this story.", null, List.of());
        HttpResponse<String> page = desk.search("en", "quillfeather");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select("ol.results mark").eachText()).contains("quillfeather");
        assertThat(doc.select("ol.results script")).isEmpty();
        assertThat(page.body()).doesNotContain("<script>alert");
        assertThat(doc.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    }

    @Test
    void withdrawnStoriesLeaveAtOnceAndEditsShowOnTheNextSearch() throws Exception {
        long id = desk.publish(Language.EN, "Harbour report glimmerwick", "Text about glimmerwick.", null, List.of());
        assertThat(headlines(desk.search("en", "glimmerwick"))).containsExactly("Harbour report glimmerwick");
        desk.edit(id, Language.EN, "Harbour report renamed glimmerwick", "Now mentions thistlebrook too.", null, List.of());
        assertThat(headlines(desk.search("en", "thistlebrook"))).containsExactly("Harbour report renamed glimmerwick");
        desk.withdraw(id);
        assertThat(headlines(desk.search("en", "glimmerwick"))).isEmpty();
        assertThat(desk.search("en", "glimmerwick").body()).contains("No stories match");
    }

    @Test
    void filtersByLanguageSectionAndDate() throws Exception {
        long politics = desk.section("politics-filter");
        desk.publish(Language.EN, "Filtered wombatico in politics", "wombatico", politics, List.of());
        desk.publish(Language.EN, "Filtered wombatico elsewhere", "wombatico", null, List.of());
        desk.publish(Language.RU, "Фильтр wombatico", "wombatico", null, List.of());
        assertThat(headlines(desk.get("/en/search?q=wombatico&language=ru"))).containsExactly("Фильтр wombatico");
        assertThat(headlines(desk.get("/en/search?q=wombatico&section=politics-filter")))
                .containsExactly("Filtered wombatico in politics");
        assertThat(headlines(desk.get("/en/search?q=wombatico&from=2000-01-01&to=2999-12-31"))).hasSize(3);
        assertThat(headlines(desk.get("/en/search?q=wombatico&from=2999-01-01"))).isEmpty();
        assertThat(headlines(desk.get("/en/search?q=wombatico&from=nonsense&language=xx&section=%3Cb%3E"))).hasSize(3);
    }

    @Test
    void resultsArePaginated() throws Exception {
        for (int i = 0; i < 13; i++) {
            desk.publish(Language.EN, "Paging result velvetorb " + i, "velvetorb", null, List.of());
        }
        HttpResponse<String> first = desk.search("en", "velvetorb");
        assertThat(headlines(first)).hasSize(10);
        assertThat(first.body()).contains("13 stories found", "href=\"/en/search?q=velvetorb&amp;page=2\"");
        assertThat(headlines(desk.get("/en/search?q=velvetorb&page=2"))).hasSize(3);
        assertThat(desk.get("/en/search?q=velvetorb&page=99999").statusCode()).isEqualTo(200);
    }

    @Test
    void everyPageCarriesASearchFormThatWorksWithoutScript() throws Exception {
        Document doc = Jsoup.parse(desk.get("/ru").body());
        var form = doc.selectFirst("form[role=search]");
        assertThat(form).isNotNull();
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).isEqualTo("/ru/search");
        assertThat(form.select("label[for=site-q]")).isNotEmpty();
        assertThat(form.select("input#site-q[name=q]")).isNotEmpty();
        HttpResponse<String> empty = desk.get("/search");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(empty.body()).select("form.search-form input[name=q]")).isNotEmpty();
        assertThat(empty.body()).contains("Type a few words");
    }
}
