package org.samizdat.content.web.newsroom;

import java.util.List;
import org.samizdat.content.StoryStatus;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryFilter;
import org.samizdat.content.internal.StoryListing;
import org.samizdat.content.internal.StoryRepository;
import org.samizdat.shared.Language;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.StaffMember;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The newsroom's story list: every story in any state, filtered and searched by headline, newest edits first. */
@Controller
@Newsroom
class StoryDeskController {

    static final int PAGE_SIZE = 30;

    private final StoryRepository stories;
    private final CatalogRepository catalog;

    StoryDeskController(StoryRepository stories, CatalogRepository catalog) {
        this.stories = stories;
        this.catalog = catalog;
    }

    @GetMapping({"/newsroom", "/newsroom/stories"})
    String list(@RequestParam(defaultValue = "") String lang, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String section, @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
            StaffMember who, Model model) {
        String words = q.replaceAll("\\p{Cntrl}", " ").strip();
        words = words.length() > 200 ? words.substring(0, 200) : words;
        StoryDeskQuery query = new StoryDeskQuery(lang, status, section, mine, words, Math.max(1, Math.min(page, 10_000)));
        StoryFilter filter = new StoryFilter(Language.fromCode(lang).orElse(null), statusOf(status),
                section.matches("[0-9]{1,18}") ? Long.valueOf(section) : null, mine ? who.id() : null,
                words.isEmpty() ? null : words);
        List<StoryListing> found = stories.list(filter, PAGE_SIZE + 1, (query.page() - 1) * PAGE_SIZE);
        model.addAttribute("query", query);
        model.addAttribute("stories", found.size() > PAGE_SIZE ? found.subList(0, PAGE_SIZE) : found);
        model.addAttribute("hasNext", found.size() > PAGE_SIZE);
        model.addAttribute("sections", catalog.sections());
        model.addAttribute("statuses", List.of(StoryStatus.values()));
        return "newsroom/stories";
    }

    private static StoryStatus statusOf(String status) {
        for (StoryStatus s : StoryStatus.values()) {
            if (s.name().equalsIgnoreCase(status)) {
                return s;
            }
        }
        return null;
    }
}
