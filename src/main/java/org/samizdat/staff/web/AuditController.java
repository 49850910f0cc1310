package org.samizdat.staff.web;

import org.samizdat.shared.web.NotFound;
import org.samizdat.staff.AuditLog;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for admins, newest first; read-only by design. */
@Controller
@Newsroom
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/newsroom/audit")
    String list(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam(name = "page", defaultValue = "1") String requested, Model model) {
        if (!requested.matches("[1-9][0-9]{0,5}")) {
            throw new NotFound();
        }
        int number = Integer.parseInt(requested);
        int pages = Math.max(1, (audit.count() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (number > pages) {
            throw new NotFound();
        }
        model.addAttribute("entries", audit.recent(PAGE_SIZE, (number - 1) * PAGE_SIZE));
        model.addAttribute("pageNumber", number);
        model.addAttribute("pages", pages);
        return "staff/audit";
    }
}
