package org.samizdat.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.discovery.internal.IndexBuilder;
import org.samizdat.shared.Language;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Read more" picks are kept per story (table {@code read_more}), so every process shows the same ones, and are
 * computed again whenever they could be wrong: the story edited, a pick edited or withdrawn (through the newsroom
 * or behind the application's back), or the index rebuilt after edits it did not hear of.
 */
@AppTest
class ReadMoreKeptTest {

    @LocalServerPort
    int port;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    CatalogRepository catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IndexBuilder builder;

    static final String TOPIC = " turbines spun and %1$s workers cheered the %1$s harbour turbines.";

    @Test
    void aPageShowsItsKeptPicksAndTheyAreComputedAgainWhenTheStoryIsEdited() throws Exception {
        Desk desk = new Desk(workflow, catalog, port);
        long first = onTopic(desk, "Quorvel turbines spin", "Quorvel", "");
        long second = onTopic(desk, "Quorvel workers cheer", "Quorvel", " Again.");
        long third = desk.publish(Language.EN, "Gardening notes for quorvel", "Roses and tulips, quorvel.", null, List.of());
        String page = "/en/stories/quorvel-turbines-spin";
        assertThat(readMore(desk, page)).first().isEqualTo("Quorvel workers cheer");
        assertThat(keptSoon(first)).get().asString().contains("," + second + ",");

        jdbc.sql("update read_more set picks = ? where story_id = ?").params("," + third + ",", first).update();
        assertThat(readMore(desk, page)).as("the kept picks, not a new search").first().isEqualTo("Gardening notes for quorvel");

        desk.edit(first, Language.EN, "Quorvel turbines spin", "Quorvel" + TOPIC.formatted("quorvel") + " Edited.", null,
                List.of());
        assertThat(readMore(desk, page)).first().isEqualTo("Quorvel workers cheer");
        assertThat(keptSoon(first)).get().asString().contains("," + second + ",");
    }

    @Test
    void picksThatNameAnEditedOrWithdrawnStoryAreComputedAgain() throws Exception {
        Desk desk = new Desk(workflow, catalog, port);
        long first = onTopic(desk, "Brastel dam opens", "Brastel", "");
        long second = onTopic(desk, "Brastel crowds gather", "Brastel", " Crowds.");
        long third = onTopic(desk, "Brastel ferry sails", "Brastel", " Ferry.");
        String page = "/en/stories/brastel-dam-opens";
        assertThat(readMore(desk, page)).contains("Brastel crowds gather", "Brastel ferry sails");

        desk.edit(second, Language.EN, "Brastel crowds gather", "Chess openings and endgames.", null, List.of());
        assertThat(kept(first)).as("dropped with the edit of a pick").isEmpty();
        assertThat(readMore(desk, page)).first().isEqualTo("Brastel ferry sails");

        desk.withdraw(third);
        assertThat(kept(first)).as("dropped with the withdrawal of a pick").isEmpty();
        assertThat(readMore(desk, page)).doesNotContain("Brastel ferry sails");
        assertThat(keptSoon(first)).get().asString().doesNotContain("," + third + ",");
    }

    @Test
    void aPickWithdrawnBehindTheApplicationsBackIsNeverShown() throws Exception {
        Desk desk = new Desk(workflow, catalog, port);
        onTopic(desk, "Velmok mine floods", "Velmok", "");
        long gone = onTopic(desk, "Velmok miners rescued", "Velmok", " Rescue.");
        String page = "/en/stories/velmok-mine-floods";
        assertThat(readMore(desk, page)).first().isEqualTo("Velmok miners rescued");
        jdbc.sql("update story set status = 'WITHDRAWN' where id = ?").param(gone).update();
        assertThat(readMore(desk, page)).doesNotContain("Velmok miners rescued");
    }

    @Test
    void aRebuildComputesThePicksOfEveryLiveStoryAndOfStoriesEditedBehindItsBack() throws Exception {
        Desk desk = new Desk(workflow, catalog, port);
        long first = onTopic(desk, "Dremmit bridge closes", "Dremmit", "");
        long second = onTopic(desk, "Dremmit traffic jams", "Dremmit", " Cars.");
        jdbc.sql("delete from read_more where story_id = ?").param(second).update();
        jdbc.sql("update read_more set picks = ',,' where story_id = ?").param(first).update();
        jdbc.sql("update story set updated_at = updated_at + interval '1' second where id = ?").param(first).update();
        assertThat(builder.rebuild()).isTrue();
        assertThat(jdbc.sql("select count(*) from story where status = 'PUBLISHED' and id not in"
                + " (select story_id from read_more)").query(Integer.class).single()).isZero();
        assertThat(kept(first)).get().asString().contains("," + second + ",");
        assertThat(kept(second)).get().asString().contains("," + first + ",");
    }

    /** Publishes a story on the topic of {@code name}, so that the stories of one name pick each other. */
    private static long onTopic(Desk desk, String headline, String name, String extra) {
        return desk.publish(Language.EN, headline, name + TOPIC.formatted(name.toLowerCase()) + extra, null, List.of());
    }

    /** Picks computed while a page is rendered are written just after it, by a background thread. */
    private Optional<String> keptSoon(long storyId) throws InterruptedException {
        for (int i = 0; i < 100 && kept(storyId).isEmpty(); i++) {
            Thread.sleep(50);
        }
        return kept(storyId);
    }

    private Optional<String> kept(long storyId) {
        return jdbc.sql("select picks from read_more where story_id = ?").param(storyId).query(String.class).optional();
    }

    /** Past the page cache, as the static export asks, so the page is rendered again each time. */
    private static List<String> readMore(Desk desk, String path) throws Exception {
        return Jsoup.parse(desk.get(path, "Authorization", "test").body()).select("aside.read-more h3 a").eachText();
    }
}
