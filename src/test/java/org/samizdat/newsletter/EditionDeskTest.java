package org.samizdat.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.staff.StaffMember;
import org.samizdat.support.MailAppTest;
import org.samizdat.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The newsroom desk: an editor drafts an edition, previews it, sends a test; authors are kept out. */
@MailAppTest
class EditionDeskTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    StoryWorkflow workflow;

    NewsroomClient signedIn(Role role) throws Exception {
        String username = NewsroomClient.unique("desk");
        staff.create(username, "Desk " + role, role, "desk password 123");
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(username, "desk password 123");
        return client;
    }

    @Test
    void anEditorDraftsPreviewsAndTestsAnEdition() throws Exception {
        StaffMember editor = new StaffMember(1, "editor", "Editor", Role.EDITOR);
        long first = workflow.save(new StoryDraft(null, Language.EN, null, "Desk story one", "First standfirst", "Body",
                null, null, null, null, List.of(), List.of(), null, null, null, null, null, null, null, null, false), editor);
        workflow.publish(first, editor);
        long second = workflow.save(new StoryDraft(null, Language.EN, null, "Desk story two", "Second standfirst", "Body",
                null, null, null, null, List.of(), List.of(), null, null, null, null, null, null, null, null, false), editor);
        workflow.publish(second, editor);

        NewsroomClient desk = signedIn(Role.EDITOR);
        assertThat(desk.get("/newsroom/newsletter").body()).contains("Desk story one").contains("Desk story two");
        HttpResponse<String> created = desk.post("/newsroom/newsletter/editions", Map.of("newsletter", "weekly-en",
                "subject", "This week", "preheader", "The five stories", "intro", "Hello",
                "order_" + first, "2", "order_" + second, "1"));
        assertThat(created.statusCode()).isEqualTo(302);
        String path = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(path).matches("/newsroom/newsletter/editions/[0-9]+");

        String html = desk.get(path + "/preview.html").body();
        assertThat(html.indexOf("Desk story two")).isPositive().isLessThan(html.indexOf("Desk story one"));
        String text = desk.get(path + "/preview.txt").body();
        assertThat(text).contains("This week").contains("* Desk story two");

        assertThat(desk.get(path).statusCode()).isEqualTo(200);
        assertThat(desk.post(path + "/test", Map.of("to", "Desk-Test@editions.example")).statusCode()).isEqualTo(302);
        MimeMessage test = TestMailServer.await("desk-test@editions.example", 1).get(0);
        assertThat(test.getSubject()).isEqualTo("This week");
        assertThat(desk.post(path + "/test", Map.of("to", "x@y.org\r\nBcc: z@evil.example")).headers()
                .firstValue("Location").orElseThrow()).endsWith("done=testFailed");

        NewsroomClient author = signedIn(Role.AUTHOR);
        assertThat(author.get("/newsroom/newsletter").statusCode()).isEqualTo(403);
        assertThat(author.get(path + "/preview.html").statusCode()).isEqualTo(403);
        assertThat(new NewsroomClient(port).get(path).statusCode()).isEqualTo(302);
    }
}
