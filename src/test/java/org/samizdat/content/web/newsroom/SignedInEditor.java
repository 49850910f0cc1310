package org.samizdat.content.web.newsroom;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.samizdat.content.internal.StoryRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.staff.internal.SignInThrottle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signs in a fresh editor before each test and offers the story form's fields and a save that follows the redirect. */
abstract class SignedInEditor {

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
}
