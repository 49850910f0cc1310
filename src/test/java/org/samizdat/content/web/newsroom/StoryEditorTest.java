package org.samizdat.content.web.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.content.StoryStatus;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryFilter;
import org.samizdat.content.internal.StoryRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.staff.StaffMember;
import org.samizdat.staff.internal.SignInThrottle;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The story editor over real HTTP: validation, publishing, scheduling, slugs, revisions, preview, photos. */
@AppTest
class StoryEditorTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    StoryRepository stories;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    StoryWorkflow workflow;

    NewsroomClient editor;

    @BeforeEach
    void signIn() throws Exception {
        throttle.clear();
        String username = NewsroomClient.unique("editor");
        staff.create(username, "Desk Editor", Role.EDITOR, "editor password");
        editor = new NewsroomClient(port);
        editor.signIn(username, "editor password");
        editor.get("/newsroom/stories/new");
    }

    static Map<String, Object> fields(String headline, Object... more) {
        Map<String, Object> map = new HashMap<>(Map.of("headline", headline, "language", "en", "standfirst",
                "The standfirst", "body", "Body with **bold** text"));
        for (int i = 0; i < more.length; i += 2) {
            map.put((String) more[i], more[i + 1]);
        }
        return map;
    }

    long save(String path, Map<String, Object> form) throws Exception {
        return NewsroomRolesTest.created(editor.post(path, form));
    }

    @Test
    void anEmptyHeadlineIsExplainedAndNothingTypedIsLost() throws Exception {
        HttpResponse<String> page = editor.post("/newsroom/stories/new", fields(" ", "standfirst", "Kept standfirst",
                "body", "A long body the editor typed <b>by hand</b>", "tags", "Army, Border", "seoTitle", "Kept SEO"));
        assertThat(page.statusCode()).isEqualTo(422);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("#headline-error").text()).isEqualTo("This field is required.");
        assertThat(html.select("textarea#body").text()).isEqualTo("A long body the editor typed <b>by hand</b>");
        assertThat(html.select("textarea#standfirst").text()).isEqualTo("Kept standfirst");
        assertThat(html.select("input#tags").attr("value")).isEqualTo("Army, Border");
        assertThat(html.select("input#seoTitle").attr("value")).isEqualTo("Kept SEO");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void overlongFieldsAreExplainedWithTheInputKept() throws Exception {
        String headline = "H".repeat(201);
        String tags = String.join(",", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "tag" + i).toList());
        HttpResponse<String> page = editor.post("/newsroom/stories/new", fields(headline, "standfirst", "s".repeat(601),
                "caption", "c".repeat(301), "slug", "Not A Slug!", "tags", tags));
        assertThat(page.statusCode()).isEqualTo(422);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("#headline-error").text()).isEqualTo("Too long: at most 200 characters, this has 201.");
        assertThat(html.select("input#headline").attr("value")).isEqualTo(headline);
        assertThat(html.select("#standfirst-error").text()).contains("at most 600 characters");
        assertThat(html.select("#caption-error").text()).contains("at most 300 characters");
        assertThat(html.select("#slug-error").text()).contains("lower-case Latin letters");
        assertThat(html.select("#tags-error").text()).isEqualTo("At most 20 tags, this has 21.");
        assertThat(stories.list(new StoryFilter(null, null, null, null, "HHHH"), 5, 0)).isEmpty();
    }

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
    void aScheduleInThePastIsRefusedWithTheFormKept() throws Exception {
        HttpResponse<String> page = editor.post("/newsroom/stories/new/schedule",
                fields("Too late", "publishAt", "2001-01-01T10:00"));
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(page.body()).select("#publishAt-error").text()).isEqualTo("Choose a time in the future.");
        assertThat(Jsoup.parse(page.body()).select("input#headline").attr("value")).isEqualTo("Too late");
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
    void unknownStoriesAreNotFound() throws Exception {
        HttpResponse<String> page = editor.get("/newsroom/stories/987654321");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Not found", "/newsroom/stories");
        assertThat(editor.get("/newsroom/stories/987654321/revisions").statusCode()).isEqualTo(404);
        editor.get("/newsroom/stories/new");
        assertThat(editor.post("/newsroom/stories/987654321", fields("Ghost")).statusCode()).isEqualTo(404);
    }

    @Test
    void previewShowsTheSanitisedBodyWithoutSaving() throws Exception {
        HttpResponse<String> page = editor.post("/newsroom/stories/new/preview",
                fields("Preview only headline", "body", "Hello **world** <script>alert(1)</script>"));
        assertThat(page.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select(".preview .body strong").text()).isEqualTo("world");
        assertThat(html.select(".preview script")).isEmpty();
        assertThat(html.select("textarea#body").text()).contains("<script>alert(1)</script>");
        assertThat(stories.list(new StoryFilter(null, null, null, null, "Preview only headline"), 5, 0)).isEmpty();
    }

    @Test
    void aRejectedPhotoIsAFieldErrorAndKeepsTheForm() throws Exception {
        HttpResponse<String> page = editor.postMultipart("/newsroom/stories/new",
                Map.of("headline", "Story with a photo", "language", "en", "body", "Text", "caption", "A caption"),
                "leadPhoto", new byte[] {1, 2, 3, 4});
        assertThat(page.statusCode()).isEqualTo(422);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("#leadPhoto-error").text()).isNotBlank();
        assertThat(html.select("input#headline").attr("value")).isEqualTo("Story with a photo");
        assertThat(html.select("input#caption").attr("value")).isEqualTo("A caption");
    }

    @Test
    void multipartSavesWithoutAPhotoWork() throws Exception {
        HttpResponse<String> saved = editor.postMultipart("/newsroom/stories/new",
                Map.of("headline", "Multipart without photo", "language", "en", "body", "Text"), "leadPhoto", new byte[0]);
        assertThat(NewsroomRolesTest.created(saved)).isPositive();
    }

    @Test
    void theStoryListFiltersAndSearches() throws Exception {
        String marker = NewsroomClient.unique("Zebra");
        save("/newsroom/stories/new", fields(marker + " in English"));
        save("/newsroom/stories/new", fields(marker + " по-русски", "language", "ru"));
        Document all = Jsoup.parse(editor.get("/newsroom/stories?q=" + marker).body());
        assertThat(all.select("table.listing tbody tr")).hasSize(2);
        Document russian = Jsoup.parse(editor.get("/newsroom/stories?lang=ru&q=" + marker).body());
        assertThat(russian.select("table.listing tbody tr").text()).contains("по-русски").doesNotContain("in English");
        Document published = Jsoup.parse(editor.get("/newsroom/stories?status=PUBLISHED&q=" + marker).body());
        assertThat(published.select("table.listing tbody tr")).isEmpty();
        Document mine = Jsoup.parse(editor.get("/newsroom/stories?mine=true&q=" + marker).body());
        assertThat(mine.select("table.listing tbody tr")).hasSize(2);
    }

    @Test
    void theStoryListIsPaginated() throws Exception {
        String marker = NewsroomClient.unique("Paged");
        StaffMember desk = new StaffMember(1, "desk", "Desk", Role.EDITOR);
        for (int i = 0; i < StoryDeskController.PAGE_SIZE + 1; i++) {
            workflow.save(new StoryDraft(null, Language.EN, null, marker + " " + i, "", "", null, null, null, null,
                    List.of(), List.of(), null, null, null, null, null, null, null, null, false), desk);
        }
        Document first = Jsoup.parse(editor.get("/newsroom/stories?q=" + marker).body());
        assertThat(first.select("table.listing tbody tr")).hasSize(StoryDeskController.PAGE_SIZE);
        String next = first.select("a[rel=next]").attr("href");
        assertThat(next).contains("q=" + marker, "page=2");
        Document second = Jsoup.parse(editor.get(next).body());
        assertThat(second.select("table.listing tbody tr")).hasSize(1);
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(second.select("a[rel=prev]").attr("href")).contains("page=1");
    }

    @Test
    void aRejectedAuthorPhotoIsAFieldError() throws Exception {
        editor.get("/newsroom/authors/new");
        HttpResponse<String> page = editor.postMultipart("/newsroom/authors/new",
                Map.of("name", "Photo Author", "slug", "", "bio", "Kept bio"), "photo", new byte[] {9, 9, 9});
        assertThat(page.statusCode()).isEqualTo(422);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("#photo-error").text()).isNotBlank();
        assertThat(html.select("textarea#bio").text()).isEqualTo("Kept bio");
    }

    @Test
    void sectionsTagsAndAuthorsCanBeManaged() throws Exception {
        editor.get("/newsroom/sections");
        String slug = NewsroomClient.unique("war");
        assertThat(editor.post("/newsroom/sections", Map.of("slug", slug, "nameEn", "War", "nameRu", "Война",
                "position", "3")).statusCode()).isEqualTo(302);
        HttpResponse<String> duplicate = editor.post("/newsroom/sections", Map.of("slug", slug, "nameEn", "War 2",
                "nameRu", "Война 2", "position", "4"));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("Another entry already uses this address", "War 2");
        assertThat(new NewsroomClient(port).get("/en/sections/" + slug).statusCode()).isEqualTo(200);

        editor.get("/newsroom/authors/new");
        assertThat(editor.post("/newsroom/authors/new", Map.of("name", "Anna Reporter", "slug", "", "bio", "Covers the war"))
                .statusCode()).isEqualTo(302);
        assertThat(editor.get("/newsroom/authors").body()).contains("Anna Reporter");

        save("/newsroom/stories/new", fields("Tagged story", "tags", "misspeled"));
        Document tags = Jsoup.parse(editor.get("/newsroom/tags?lang=en").body());
        String action = tags.select("form[action^=/newsroom/tags/]").stream()
                .filter(f -> f.select("input[name=name]").attr("value").equals("misspeled")).findFirst().orElseThrow()
                .attr("action");
        assertThat(editor.post(action, Map.of("name", "Misspelled")).statusCode()).isEqualTo(302);
        assertThat(editor.get("/newsroom/tags?lang=en").body()).contains("Misspelled");
    }
}
