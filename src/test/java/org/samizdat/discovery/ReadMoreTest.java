package org.samizdat.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** "Read more" picks similar stories in the same language, never the story itself or a withdrawn one. */
@AppTest
class ReadMoreTest {

    @LocalServerPort
    int port;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    CatalogRepository catalog;

    @Test
    void similarLiveStoriesInTheSameLanguage() throws Exception {
        Desk desk = new Desk(workflow, catalog, port);
        String topic = "The krovnik reactor cooling pumps failed and krovnik engineers vented steam from the krovnik plant.";
        desk.publish(Language.EN, "Krovnik reactor cooling fails", topic, null, List.of("Krovnik"));
        desk.publish(Language.EN, "Krovnik engineers inspect pumps", topic + " Inspectors arrived.", null, List.of("Krovnik"));
        long withdrawn = desk.publish(Language.EN, "Krovnik steam withdrawn story", topic, null, List.of("Krovnik"));
        desk.publish(Language.RU, "Krovnik по-русски", topic, null, List.of());
        desk.withdraw(withdrawn);
        for (int i = 0; i < 6; i++) {
            desk.publish(Language.EN, "Unrelated filler story " + i, "Gardening and football news " + i, null, List.of());
        }
        var doc = Jsoup.parse(desk.get("/en/stories/krovnik-reactor-cooling-fails").body());
        List<String> more = doc.select("aside.read-more h3 a").eachText();
        assertThat(more).hasSizeLessThanOrEqualTo(4).first().isEqualTo("Krovnik engineers inspect pumps");
        assertThat(more).doesNotContain("Krovnik reactor cooling fails", "Krovnik steam withdrawn story", "Krovnik по-русски");
    }

    @Test
    void aNewSimilarStoryShowsOnPagesRenderedAgain() throws Exception {
        Desk desk = new Desk(workflow, catalog, port);
        String topic = "Zelvaro dam sluice gates jammed and zelvaro villagers moved uphill from the zelvaro river.";
        desk.publish(Language.EN, "Zelvaro dam gates jam", topic, null, List.of("Zelvaro"));
        for (int i = 0; i < 5; i++) {
            desk.publish(Language.EN, "Zelvaro-free filler " + i, "Chess and weather notes " + i, null, List.of());
        }
        String page = "/en/stories/zelvaro-dam-gates-jam";
        assertThat(readMore(desk, page)).doesNotContain("Zelvaro villagers return");
        long later = desk.publish(Language.EN, "Zelvaro villagers return", topic + " Villagers returned.", null,
                List.of("Zelvaro"));
        assertThat(readMore(desk, page)).first().isEqualTo("Zelvaro villagers return");
        desk.withdraw(later);
        assertThat(readMore(desk, page)).doesNotContain("Zelvaro villagers return");
    }

    /** Past the page cache, as the static export asks, so the page is rendered again each time. */
    private static List<String> readMore(Desk desk, String path) throws Exception {
        return Jsoup.parse(desk.get(path, "Authorization", "test").body()).select("aside.read-more h3 a").eachText();
    }
}
