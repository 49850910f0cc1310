package org.samizdat.content.web.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryFilter;
import org.samizdat.shared.Language;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffMember;
import org.samizdat.support.AppTest;

/** The story editor over real HTTP: validation with the input kept, preview, photo rejection, the story list. */
@AppTest
class StoryEditorTest extends SignedInEditor {

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
    void aScheduleInThePastIsRefusedWithTheFormKept() throws Exception {
        HttpResponse<String> page = editor.post("/newsroom/stories/new/schedule",
                fields("Too late", "publishAt", "2001-01-01T10:00"));
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(page.body()).select("#publishAt-error").text()).isEqualTo("Choose a time in the future.");
        assertThat(Jsoup.parse(page.body()).select("input#headline").attr("value")).isEqualTo("Too late");
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
}
