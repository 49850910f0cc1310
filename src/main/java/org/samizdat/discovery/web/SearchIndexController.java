package org.samizdat.discovery.web;

import org.samizdat.discovery.internal.IndexBuilder;
import org.samizdat.discovery.internal.SearchIndex;
import org.samizdat.shared.web.Dates;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The newsroom's view of the search index (editors and admins): its state, and a button to rebuild it. */
@Controller
@Newsroom
class SearchIndexController {

    private final SearchIndex index;
    private final IndexBuilder builder;

    SearchIndexController(SearchIndex index, IndexBuilder builder) {
        this.index = index;
        this.builder = builder;
    }

    @GetMapping("/newsroom/search")
    String show(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam(required = false) String started, Model model) {
        IndexBuilder.Build last = builder.lastBuild();
        model.addAttribute("documents", index.documents());
        model.addAttribute("kilobytes", Math.max(0, index.sizeOnDisk() / 1024));
        model.addAttribute("lastBuild", last == null ? null : page.t().get("newsroom.search.lastBuild", last.stories(),
                last.millis(), Dates.dateTime(last.finishedAt(), page.language())));
        model.addAttribute("running", builder.running());
        model.addAttribute("stale", !builder.running() && builder.stale());
        model.addAttribute("started", started != null);
        return "discovery/index";
    }

    @PostMapping("/newsroom/search/rebuild")
    String rebuild() {
        Thread thread = new Thread(builder::rebuild, "search-index-rebuild");
        thread.setDaemon(true);
        thread.start();
        return "redirect:/newsroom/search?started";
    }
}
