package org.samizdat.revenue.asks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.revenue.asks.internal.Asks;
import org.samizdat.shared.Language;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffMember;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Asks on public pages: the same bytes for every reader, served from the page cache, refreshed when asks change. */
@AppTest
class AskPagesTest extends AsksOnPages {

    static final StaffMember EDITOR = new StaffMember(1, "editor", "Editor", Role.EDITOR);

    @Autowired
    StoryWorkflow workflow;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int gzipped(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.size();
    }

    @Test
    void everyReaderGetsTheSameCachedPageWithEveryAskInIt() throws Exception {
        LiveAsks live = live();
        live.everyKind(Language.EN, "alpha");
        live.add(AskKind.BANNER, Language.EN, "banner beta", "Second banner", "Costs beta");
        live.everyKind(Language.RU, "гамма");
        long story = workflow.save(new StoryDraft(null, Language.EN, null, "Asks after the story", "Standfirst", "Body",
                null, null, null, null, List.of(), List.of(), null, null, null, null, null, null, null, null, false), EDITOR);
        workflow.publish(story, EDITOR);

        HttpResponse<String> first = get("/en");
        HttpResponse<String> second = get("/en");
        assertThat(second.headers().firstValue("X-Cache")).hasValue("hit");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(second.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");

        Document page = SafePage.check(first.body());
        assertThat(page.select("template[data-ask-kind=banner]")).hasSize(2);
        assertThat(page.select("template[data-ask-kind=notice]")).hasSize(1);
        assertThat(page.select("template[data-ask-kind=modal]")).hasSize(1);
        assertThat(page.select("template[data-ask-kind=thanks]")).hasSize(1);
        assertThat(page.select("script[src=/assets/asks.js][defer]")).hasSize(1);
        assertThat(page.select("noscript a[href=/en/support]")).isNotEmpty();
        assertThat(page.selectFirst("#asks").attr("data-remind")).isEqualTo("7");
        assertThat(first.body()).doesNotContain("гамма");
        assertThat(page.select("dialog form[action=/support/checkout] input[name=ask]").attr("value"))
                .matches("[0-9]+");
        assertThat(page.select("dialog input[name=frequency]").eachAttr("value"))
                .containsExactly("once", "monthly", "annual");

        String ru = get("/ru").body();
        assertThat(ru).contains("гамма").contains("href=\"/ru/support\"").doesNotContain("alpha");

        HttpResponse<String> storyPage = get("/en/stories/asks-after-the-story");
        Document storyDoc = Jsoup.parse(storyPage.body());
        assertThat(storyDoc.select("article.story ~ div.asks-story template[data-ask-kind=story]")).hasSize(1);
        assertThat(get("/en/stories/asks-after-the-story").body()).isEqualTo(storyPage.body());

        byte[] css = getClass().getResourceAsStream("/static/assets/site.css").readAllBytes();
        int budget = gzipped(storyPage.body().getBytes(StandardCharsets.UTF_8)) + gzipped(css);
        System.out.println("Story page with asks, gzipped HTML + CSS: " + budget + " bytes");
        assertThat(budget).isLessThan(14 * 1024);
    }

    @Test
    void changingAnAskRefreshesCachedPagesAndPausingRemovesTheScript() throws Exception {
        long modal = live().everyKind(Language.EN, "before");
        get("/en");
        assertThat(get("/en").headers().firstValue("X-Cache")).hasValue("hit");
        Ask ask = asks.find(modal).orElseThrow();
        asks.save(new Ask(ask.id(), ask.kind(), ask.language(), ask.name(), true, "", "Dear reader, after the edit",
                ask.signature(), "", ask.amountsOnce(), ask.amountsMonthly(), ask.amountsAnnual(), ask.methods(), false));
        HttpResponse<String> changed = get("/en");
        assertThat(changed.headers().firstValue("X-Cache")).hasValue("miss");
        assertThat(changed.body()).contains("Dear reader, after the edit").doesNotContain("Dear reader before");

        live().pauseAll();
        String none = get("/en").body();
        assertThat(none).doesNotContain("data-ask-kind").doesNotContain("/assets/asks.js");
    }

    @Test
    void theScriptIsSmallAndServedAsAStaticAsset() throws Exception {
        byte[] script;
        try (InputStream in = getClass().getResourceAsStream("/static/assets/asks.js")) {
            script = in.readAllBytes();
        }
        int size = gzipped(script);
        System.out.println("asks.js: " + script.length + " bytes, " + size + " gzipped");
        assertThat(size).isLessThan(5 * 1024);
        HttpResponse<String> served = get("/assets/asks.js");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(served.body()).doesNotContain("document.cookie").doesNotContain("eval(");
    }
}
