package org.samizdat.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.newsletter.internal.Edition;
import org.samizdat.newsletter.internal.EditionEdits;
import org.samizdat.newsletter.internal.Editions;
import org.samizdat.shared.Language;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.staff.StaffMember;
import org.samizdat.support.MailAppTest;
import org.samizdat.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Editing a draft edition over real HTTP: its text and its stories (moved, removed, added) with plain form buttons,
 * the same checks as drafting, nasty input, two editors saving at once, a scheduled draft keeping its time, and a
 * frozen edition refusing changes.
 */
@MailAppTest
class EditionEditTest {

    static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"([0-9a-f]*)\"");

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    Editions editions;

    @Autowired
    EditionEdits edits;

    final StaffMember editor = new StaffMember(1, "editor", "Editor", Role.EDITOR);

    NewsroomClient signedIn(Role role) throws Exception {
        String username = NewsroomClient.unique("edit");
        staff.create(username, "Edit " + role, role, "edit password 123");
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(username, "edit password 123");
        return client;
    }

    long published(Language language, String headline) {
        long id = workflow.save(new StoryDraft(null, language, null, headline, headline + " standfirst", "Body", null, null,
                null, null, List.of(), List.of(), null, null, null, null, null, null, null, null, false), editor);
        workflow.publish(id, editor);
        return id;
    }

    long draft(List<Long> stories) {
        return editions.draft("weekly-en", "Draft " + NewsroomClient.unique(""), "Pre", "Intro", stories, null);
    }

    static String version(HttpResponse<String> page) {
        Matcher m = VERSION.matcher(page.body());
        assertThat(m.find()).as("the form carries a version").isTrue();
        return m.group(1);
    }

    static Map<String, Object> form(String version, String subject, List<Long> stories, String op) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("version", version);
        form.put("subject", subject);
        form.put("preheader", "New preheader");
        form.put("intro", "New intro");
        form.put("story", stories.stream().map(String::valueOf).toList());
        form.put("op", op);
        return form;
    }

    List<Long> storiesOf(long id) {
        return editions.edition(id).orElseThrow().items().stream().map(Edition.Item::storyId).toList();
    }

    @Test
    void anEditorRewritesAndReordersADraftWithPlainButtons() throws Exception {
        long a = published(Language.EN, "Edit story alpha");
        long b = published(Language.EN, "Edit story bravo");
        long c = published(Language.EN, "Edit story charlie");
        long id = draft(List.of(a, b));
        String path = "/newsroom/newsletter/editions/" + id;
        NewsroomClient desk = signedIn(Role.EDITOR);

        assertThat(desk.get(path).body()).contains(path + "/edit");
        HttpResponse<String> page = desk.get(path + "/edit");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Edit story alpha").contains("Edit story charlie").contains("value=\"up-1\"");
        String version = version(page);

        HttpResponse<String> moved = desk.post(path + "/edit", form(version, "Moved", List.of(a, b), "down-0"));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body()).contains("Not saved yet").contains("value=\"Moved\"");
        assertThat(moved.body().indexOf("value=\"" + b + "\"")).isLessThan(moved.body().indexOf("value=\"" + a + "\""));
        assertThat(storiesOf(id)).as("moving is not saving").containsExactly(a, b);

        Map<String, Object> adding = form(version, "Moved", List.of(b, a), "add");
        adding.put("add", List.of(String.valueOf(c), String.valueOf(a)));
        HttpResponse<String> added = desk.post(path + "/edit", adding);
        assertThat(added.body()).contains("name=\"story\" value=\"" + c + "\"");
        assertThat(desk.post(path + "/edit", form(version, "Moved", List.of(b, a, c), "remove-0")).body())
                .doesNotContain("name=\"story\" value=\"" + b + "\"");

        HttpResponse<String> saved = desk.post(path + "/edit",
                form(version, "Changed\r\nBcc: evil@edit.example", List.of(c, a), "save"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(path + "?done=saved");
        Edition edition = editions.edition(id).orElseThrow();
        assertThat(edition.subject()).isEqualTo("Changed Bcc: evil@edit.example");
        assertThat(edition.preheader()).isEqualTo("New preheader");
        assertThat(edition.intro()).isEqualTo("New intro");
        assertThat(storiesOf(id)).containsExactly(c, a);
        String text = desk.get(path + "/preview.txt").body();
        assertThat(text.indexOf("* Edit story charlie")).isPositive().isLessThan(text.indexOf("* Edit story alpha"));

        assertThat(desk.post(path + "/test", Map.of("to", "edit-test@editions.example")).statusCode()).isEqualTo(302);
        MimeMessage test = TestMailServer.await("edit-test@editions.example", 1).get(0);
        assertThat(test.getSubject()).isEqualTo("Changed Bcc: evil@edit.example");
        assertThat(test.getHeader("Bcc")).isNull();
    }

    @Test
    void badInputIsRefusedWithMessagesTiedToTheFields() throws Exception {
        long a = published(Language.EN, "Checked story");
        long russian = published(Language.RU, "Русский материал");
        long id = draft(List.of(a));
        String path = "/newsroom/newsletter/editions/" + id + "/edit";
        NewsroomClient desk = signedIn(Role.EDITOR);
        String version = version(desk.get(path));
        String before = editions.edition(id).orElseThrow().subject();

        HttpResponse<String> empty = desk.post(path, form(version, "  ", List.of(a), "save"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("aria-invalid=\"true\"").contains("aria-describedby=\"subject-error\"")
                .contains("id=\"subject-error\"").contains("This field is required.");

        HttpResponse<String> inRussian = desk.post(path, form(version, "", List.of(a, russian), "save"),
                "Accept-Language", "ru");
        assertThat(inRussian.statusCode()).isEqualTo(422);
        assertThat(inRussian.body()).contains("Это поле обязательно.").contains("Сохранить выпуск")
                .contains("Каждый материал должен быть опубликован");
        HttpResponse<String> conflictRu = desk.post(path, form("0000", "Тема", List.of(a), "save"), "Accept-Language", "ru");
        assertThat(conflictRu.statusCode()).isEqualTo(409);
        assertThat(conflictRu.body()).contains("его изменил кто-то другой");

        HttpResponse<String> tooLong = desk.post(path, form(version, "x".repeat(201), List.of(a), "save"));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("at most 200 characters, this has 201");
        Map<String, Object> longIntro = form(version, "Fine", List.of(a), "save");
        longIntro.put("intro", "я".repeat(8001));
        assertThat(desk.post(path, longIntro).body()).contains("id=\"intro-error\"");

        HttpResponse<String> wrongLanguage = desk.post(path, form(version, "Fine", List.of(a, russian), "save"));
        assertThat(wrongLanguage.statusCode()).isEqualTo(422);
        assertThat(wrongLanguage.body()).contains("id=\"stories-error\"").contains("aria-describedby=\"stories-error\"")
                .contains("published story in the newsletter");
        Map<String, Object> tampered = form(version, "Fine", List.of(a), "add");
        tampered.put("add", List.of(String.valueOf(russian), "999999999999"));
        HttpResponse<String> tamperedAdd = desk.post(path, tampered);
        assertThat(tamperedAdd.body()).contains("id=\"stories-error\"").doesNotContain("Русский материал</li>");

        Map<String, Object> garbage = form(version, "Fine", List.of(), "save");
        garbage.put("story", List.of("1 or 1=1", "-5", "1234567890123", "<script>"));
        garbage.put("op", "up-99999");
        assertThat(desk.post(path, garbage).statusCode()).as("unknown button: changes nothing, saves nothing").isEqualTo(200);

        List<String> many = new ArrayList<>(Collections.nCopies(51, String.valueOf(a)));
        Map<String, Object> tooMany = form(version, "Fine", List.of(), "save");
        tooMany.put("story", many);
        assertThat(desk.post(path, tooMany).body()).contains("at most 50 stories");

        assertThat(desk.postWithoutCsrf(path, form(version, "No token", List.of(a), "save")).statusCode()).isEqualTo(403);
        NewsroomClient author = signedIn(Role.AUTHOR);
        assertThat(author.get(path).statusCode()).isEqualTo(403);
        assertThat(author.post(path, form(version, "Author", List.of(a), "save")).statusCode()).isEqualTo(403);
        assertThat(new NewsroomClient(port).get(path).statusCode()).isEqualTo(302);
        assertThat(editions.edition(id).orElseThrow().subject()).as("nothing was saved").isEqualTo(before);
        assertThat(desk.get("/newsroom/newsletter/editions/999999999/edit").statusCode()).isEqualTo(404);
    }

    @Test
    void twoEditorsSavingAtOnceDoNotOverwriteEachOtherSilently() throws Exception {
        long a = published(Language.EN, "Race story");
        long id = draft(List.of(a));
        String path = "/newsroom/newsletter/editions/" + id + "/edit";
        NewsroomClient first = signedIn(Role.EDITOR);
        NewsroomClient second = signedIn(Role.EDITOR);
        String firstVersion = version(first.get(path));
        String secondVersion = version(second.get(path));

        assertThat(first.post(path, form(firstVersion, "First editor", List.of(a), "save")).statusCode()).isEqualTo(302);
        HttpResponse<String> refused = second.post(path, form(secondVersion, "Second editor", List.of(a), "save"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Someone else changed this edition").contains("value=\"Second editor\"");
        assertThat(editions.edition(id).orElseThrow().subject()).isEqualTo("First editor");

        String theirs = version(refused);
        assertThat(theirs).isNotEqualTo(secondVersion).isEqualTo(editions.edition(id).orElseThrow().version());
        assertThat(second.post(path, form(theirs, "Second editor", List.of(a), "save")).statusCode()).isEqualTo(302);
        assertThat(editions.edition(id).orElseThrow().subject()).isEqualTo("Second editor");
    }

    @Test
    void savesRacingFromTheSameVersionLetExactlyOneThrough() throws Exception {
        long a = published(Language.EN, "Racing save story");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                long id = draft(List.of(a));
                String version = editions.edition(id).orElseThrow().version();
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<EditionEdits.Outcome>> outcomes = new ArrayList<>();
                for (String subject : List.of("Left", "Right")) {
                    Callable<EditionEdits.Outcome> save = () -> {
                        start.await();
                        return edits.save(id, version, subject, "", "", List.of(a));
                    };
                    outcomes.add(pool.submit(save));
                }
                List<EditionEdits.Outcome> got = new ArrayList<>();
                for (Future<EditionEdits.Outcome> outcome : outcomes) {
                    got.add(outcome.get());
                }
                assertThat(got).containsExactlyInAnyOrder(EditionEdits.Outcome.SAVED, EditionEdits.Outcome.CHANGED);
                String winner = got.get(0) == EditionEdits.Outcome.SAVED ? "Left" : "Right";
                assertThat(editions.edition(id).orElseThrow().subject()).isEqualTo(winner);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aScheduledDraftKeepsItsTimeAndAFrozenEditionRefusesChanges() throws Exception {
        long a = published(Language.EN, "Scheduled story");
        long id = draft(List.of(a));
        String edition = "/newsroom/newsletter/editions/" + id;
        NewsroomClient desk = signedIn(Role.EDITOR);
        desk.get(edition);
        assertThat(desk.post(edition + "/schedule", Map.of("sendAt", "2099-01-02T10:00")).statusCode()).isEqualTo(302);
        Instant at = editions.edition(id).orElseThrow().sendAt();
        assertThat(at).isNotNull();

        HttpResponse<String> page = desk.get(edition + "/edit");
        assertThat(page.body()).contains("Saving keeps that time");
        assertThat(desk.post(edition + "/edit", form(version(page), "Rescheduled text", List.of(a), "save")).statusCode())
                .isEqualTo(302);
        Edition saved = editions.edition(id).orElseThrow();
        assertThat(saved.subject()).isEqualTo("Rescheduled text");
        assertThat(saved.sendAt()).isEqualTo(at);
        assertThat(saved.scheduled()).isTrue();

        String version = version(desk.get(edition + "/edit"));
        editions.unschedule(id);
        assertThat(desk.post(edition + "/send", Map.of()).statusCode()).isEqualTo(302);
        assertThat(desk.get(edition).body()).doesNotContain(edition + "/edit\"");
        HttpResponse<String> openLate = desk.get(edition + "/edit");
        assertThat(openLate.statusCode()).isEqualTo(302);
        assertThat(openLate.headers().firstValue("Location").orElseThrow()).endsWith(edition + "?done=frozen");
        assertThat(desk.get(edition + "?done=frozen").body()).contains("can no longer be changed");

        HttpResponse<String> late = desk.post(edition + "/edit", form(version, "Too late", List.of(a), "save"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("can no longer be changed").contains("Too late").doesNotContain("name=\"op\"");
        assertThat(editions.edition(id).orElseThrow().subject()).isEqualTo("Rescheduled text");
    }
}
