package org.samizdat.content.web.newsroom;

import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.web.NotFound;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.StaffMember;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Every saved version of a story, newest first, each restorable (restoring saves a new version). */
@Controller
@Newsroom
class RevisionsController {

    private final StoryRepository stories;
    private final StoryWorkflow workflow;
    private final EditorViews views;

    RevisionsController(StoryRepository stories, StoryWorkflow workflow, EditorViews views) {
        this.stories = stories;
        this.workflow = workflow;
        this.views = views;
    }

    @GetMapping("/newsroom/stories/{id:[0-9]+}/revisions")
    String revisions(@PathVariable long id, StaffMember who, Model model) {
        StoryDraft story = views.editable(id, who);
        model.addAttribute("story", story);
        model.addAttribute("revisions", stories.revisions(id));
        return "newsroom/revisions";
    }

    @PostMapping("/newsroom/stories/{id:[0-9]+}/revisions/{revision:[0-9]+}/restore")
    String restore(@PathVariable long id, @PathVariable long revision, StaffMember who) {
        views.editable(id, who);
        stories.revision(id, revision).orElseThrow(NotFound::new);
        workflow.restore(id, revision, who);
        return "redirect:/newsroom/stories/" + id + "?done=restored";
    }
}
