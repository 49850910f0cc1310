package org.samizdat.content.web.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.samizdat.content.StoryStatus;
import org.samizdat.content.internal.CatalogRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.support.AppTest;

/** Publishing from the editor: live on the site, scheduled by the scheduler, slug redirects, revisions. */
@AppTest
class StoryPublishingTest extends SignedInEditor {

    @Autowired
    CatalogRepository catalog;

    @Test
    void aPublishedStoryIsOnTheSite() throws Exception {
        String headline = NewsroomClient.unique("Parliament votes on the budget ");
        long id = save("/newsroom/stories/new", fields(headline, "tags", "Budget, Parliament"));
        assertThat(stories.find(id).orElseThrow().status()).isEqualTo(StoryStatus.DRAFT);
        assertThat(reader(id).statusCode()).isEqualTo(404);
        editor.get("/newsroom/stories/" + id);
        save("/newsroom/stories/" + id + "/publish", fields(headline, "tags", "Budget, Parliament"));
        HttpResponse<String> live = reader(id);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains(headline, "<strong>bold</strong>", "Budget");
    }

    @Test
    void aNewStoryCanBePublishedStraightAway() throws Exception {
        long id = save("/newsroom/stories/new/publish", fields(NewsroomClient.unique("Published without a draft ")));
        assertThat(reader(id).statusCode()).isEqualTo(200);
    }

    @Test
    void aScheduledStoryIsPublishedByTheScheduler() throws Exception {
        String at = LocalDateTime.now(ZoneId.of("Europe/Riga")).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).toString();
        long id = save("/newsroom/stories/new/schedule", fields(NewsroomClient.unique("Scheduled for later "),
                "publishAt", at));
        assertThat(stories.find(id).orElseThrow().status()).isEqualTo(StoryStatus.SCHEDULED);
        assertThat(reader(id).statusCode()).isEqualTo(404);
        long deadline = System.currentTimeMillis() + 12_000;
        int status = 404;
        while (status != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            status = reader(id).statusCode();
        }
        assertThat(status).isEqualTo(200);
        assertThat(stories.find(id).orElseThrow().status()).isEqualTo(StoryStatus.PUBLISHED);
    }

    @Test
    void unschedulingMakesItADraftAgain() throws Exception {
        long id = save("/newsroom/stories/new/schedule", fields("Scheduled far ahead", "publishAt", "2099-05-01T09:00"));
        editor.get("/newsroom/stories/" + id);
        save("/newsroom/stories/" + id + "/unschedule", Map.of());
        assertThat(stories.find(id).orElseThrow().status()).isEqualTo(StoryStatus.DRAFT);
    }

    @Test
    void aChangedSlugRedirectsTheOldAddress() throws Exception {
        String headline = NewsroomClient.unique("Old headline for slugs ");
        long id = save("/newsroom/stories/new/publish", fields(headline));
        String oldSlug = stories.find(id).orElseThrow().slug();
        String newSlug = NewsroomClient.unique("a-better-address-");
        editor.get("/newsroom/stories/" + id);
        save("/newsroom/stories/" + id, fields(headline, "slug", newSlug));
        HttpResponse<String> old = new NewsroomClient(port).get("/en/stories/" + oldSlug);
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location").orElse("")).endsWith("/en/stories/" + newSlug);
        assertThat(new NewsroomClient(port).get("/en/stories/" + newSlug).statusCode()).isEqualTo(200);
    }

    @Test
    void anEarlierRevisionCanBeRestored() throws Exception {
        long id = save("/newsroom/stories/new", fields("Revision headline", "body", "First version of the text"));
        editor.get("/newsroom/stories/" + id);
        save("/newsroom/stories/" + id, fields("Revision headline changed", "body", "Second version of the text"));
        HttpResponse<String> history = editor.get("/newsroom/stories/" + id + "/revisions");
        assertThat(history.statusCode()).isEqualTo(200);
        List<String> restoreActions = Jsoup.parse(history.body()).select("form[action$=/restore]").eachAttr("action");
        assertThat(restoreActions).hasSize(2);
        HttpResponse<String> restored = editor.post(restoreActions.get(1), Map.of());
        assertThat(restored.headers().firstValue("Location").orElse("")).endsWith("?done=restored");
        assertThat(stories.find(id).orElseThrow().bodyMarkdown()).isEqualTo("First version of the text");
        assertThat(stories.find(id).orElseThrow().headline()).isEqualTo("Revision headline");
        assertThat(stories.revisions(id)).hasSize(3);
        assertThat(editor.get("/newsroom/stories/" + id).body()).contains("First version of the text");
    }

    @Test
    void linksATranslationAndCreditsAuthors() throws Exception {
        long author = catalog.saveAuthor(null, NewsroomClient.unique("olga-"), "Olga Reporter", "Bio", null);
        long russian = save("/newsroom/stories/new/publish", fields("Учения у границы", "language", "ru"));
        editor.get("/newsroom/stories/new");
        String headline = NewsroomClient.unique("Drills at the border ");
        long english = save("/newsroom/stories/new/publish", fields(headline, "translationId",
                String.valueOf(russian), "authorIds", List.of(String.valueOf(author)), "seoTitle", "Border drills"));
        assertThat(stories.find(russian).orElseThrow().translationId()).isEqualTo(english);
        HttpResponse<String> page = new NewsroomClient(port).get("/en/stories/" + stories.find(english).orElseThrow().slug());
        assertThat(page.body()).contains("Olga Reporter",
                "href=\"/ru/stories/" + stories.find(russian).orElseThrow().slug() + "\"",
                "<title>Border drills");
        editor.get("/newsroom/stories/new");
        HttpResponse<String> sameLanguage = editor.post("/newsroom/stories/new", fields("Wrong translation",
                "translationId", String.valueOf(english)));
        assertThat(sameLanguage.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(sameLanguage.body()).select("#translationId-error").text())
                .isEqualTo("The translation must be a story in the other language.");
    }

    HttpResponse<String> reader(long id) throws Exception {
        return new NewsroomClient(port).get("/en/stories/" + stories.find(id).orElseThrow().slug());
    }
}
