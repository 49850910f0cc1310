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
        long id = save("/newsroom/stories/new", fields("Parliament votes on the budget", "tags", "Budget, Parliament"));
        assertThat(stories.find(id).orElseThrow().status()).isEqualTo(StoryStatus.DRAFT);
        assertThat(new NewsroomClient(port).get("/en/stories/parliament-votes-on-the-budget").statusCode()).isEqualTo(404);
        editor.get("/newsroom/stories/" + id);
        save("/newsroom/stories/" + id + "/publish", fields("Parliament votes on the budget", "tags", "Budget, Parliament"));
        HttpResponse<String> live = new NewsroomClient(port).get("/en/stories/parliament-votes-on-the-budget");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("Parliament votes on the budget", "<strong>bold</strong>", "Budget");
    }

    @Test
    void aNewStoryCanBePublishedStraightAway() throws Exception {
        save("/newsroom/stories/new/publish", fields("Published without a draft"));
        assertThat(new NewsroomClient(port).get("/en/stories/published-without-a-draft").statusCode()).isEqualTo(200);
    }

    @Test
    void aScheduledStoryIsPublishedByTheScheduler() throws Exception {
        String at = LocalDateTime.now(ZoneId.of("Europe/Riga")).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).toString();
        long id = save("/newsroom/stories/new/schedule", fields("Scheduled for a moment later", "publishAt", at));
        assertThat(stories.find(id).orElseThrow().status()).isEqualTo(StoryStatus.SCHEDULED);
        NewsroomClient reader = new NewsroomClient(port);
        assertThat(reader.get("/en/stories/scheduled-for-a-moment-later").statusCode()).isEqualTo(404);
        long deadline = System.currentTimeMillis() + 12_000;
        int status = 404;
        while (status != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            status = reader.get("/en/stories/scheduled-for-a-moment-later").statusCode();
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
        long id = save("/newsroom/stories/new/publish", fields("Old headline for slugs"));
        editor.get("/newsroom/stories/" + id);
        save("/newsroom/stories/" + id, fields("Old headline for slugs", "slug", "a-better-address"));
        HttpResponse<String> old = new NewsroomClient(port).get("/en/stories/old-headline-for-slugs");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location").orElse("")).endsWith("/en/stories/a-better-address");
        assertThat(new NewsroomClient(port).get("/en/stories/a-better-address").statusCode()).isEqualTo(200);
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
        long english = save("/newsroom/stories/new/publish", fields("Drills at the border", "translationId",
                String.valueOf(russian), "authorIds", List.of(String.valueOf(author)), "seoTitle", "Border drills"));
        assertThat(stories.find(russian).orElseThrow().translationId()).isEqualTo(english);
        HttpResponse<String> page = new NewsroomClient(port).get("/en/stories/drills-at-the-border");
        assertThat(page.body()).contains("Olga Reporter", "href=\"/ru/stories/ucheniya-u-granitsy\"",
                "<title>Border drills");
        editor.get("/newsroom/stories/new");
        HttpResponse<String> sameLanguage = editor.post("/newsroom/stories/new", fields("Wrong translation",
                "translationId", String.valueOf(english)));
        assertThat(sameLanguage.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(sameLanguage.body()).select("#translationId-error").text())
                .isEqualTo("The translation must be a story in the other language.");
    }
}
