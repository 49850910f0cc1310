package org.samizdat.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.staff.internal.SignInThrottle;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-ins, refusals, publishing and settings changes land in an append-only log only admins can read. */
@AppTest
class AuditLogTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    AuditLog audit;

    @Autowired
    StoryWorkflow workflow;

    @BeforeEach
    void clearThrottle() {
        throttle.clear();
    }

    NewsroomClient signedIn(String username, Role role) throws Exception {
        staff.create(username, "Name of " + username, role, "a fine passphrase");
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(username, "a fine passphrase");
        return client;
    }

    List<AuditEntry> latest(int n) {
        return audit.recent(n, 0);
    }

    @Test
    void signInsAndRefusalsAreLoggedWithoutTheTypedName() throws Exception {
        String username = NewsroomClient.unique("audited");
        signedIn(username, Role.AUTHOR);
        assertThat(latest(1).get(0)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.SIGNED_IN);
            assertThat(e.actor()).isEqualTo("Name of " + username);
        });
        new NewsroomClient(port).signIn("my-secret-password-typed-here", "whatever");
        AuditEntry refused = latest(1).get(0);
        assertThat(refused.action()).isEqualTo(AuditAction.SIGN_IN_REFUSED);
        assertThat(refused.actorId()).isNull();
        assertThat(refused.subject()).doesNotContain("my-secret-password");
    }

    @Test
    void publishingAndWithdrawingNameTheEditor() {
        StaffMember editor = new StaffMember(77, "ed", "Night Editor", Role.EDITOR);
        long id = workflow.save(new StoryDraft(null, Language.EN, null, "Audited story about the port", "", "Body",
                null, null, null, null, List.of(), List.of(), null, null, null, null, null, null, null, null, false),
                editor);
        workflow.publish(id, editor);
        workflow.withdraw(id, editor);
        List<AuditEntry> entries = latest(2);
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly(AuditAction.STORY_WITHDRAWN, AuditAction.STORY_PUBLISHED);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("Night Editor");
            assertThat(e.subject()).contains("Audited story about the port", "#" + id);
        });
    }

    @Test
    void onlyAdminsReadTheLogAndNobodyEditsIt() throws Exception {
        NewsroomClient admin = signedIn(NewsroomClient.unique("admin"), Role.ADMIN);
        String created = NewsroomClient.unique("newhire");
        admin.get("/newsroom/staff");
        admin.post("/newsroom/staff", Map.of("username", created, "displayName", "New Hire", "role", "AUTHOR",
                "password", "another fine passphrase"));
        HttpResponse<String> log = admin.get("/newsroom/audit");
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains("Created a staff account", created, "Signed in");
        assertThat(log.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(admin.post("/newsroom/audit", Map.of("id", "1")).statusCode()).isIn(403, 404, 405);
        assertThat(admin.get("/newsroom/audit?page=abc").statusCode()).isEqualTo(404);

        NewsroomClient editor = signedIn(NewsroomClient.unique("editor"), Role.EDITOR);
        editor.get("/newsroom/stories");
        assertThat(editor.get("/newsroom/audit").statusCode()).isEqualTo(403);
        assertThat(new NewsroomClient(port).get("/newsroom/audit").body()).doesNotContain("Audit log");
    }
}
