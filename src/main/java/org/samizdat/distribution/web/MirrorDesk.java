package org.samizdat.distribution.web;

import jakarta.servlet.http.HttpServletResponse;
import org.samizdat.distribution.internal.ExportJob;
import org.samizdat.distribution.internal.MirrorEntry;
import org.samizdat.distribution.internal.MirrorList;
import org.samizdat.distribution.internal.MirrorRules;
import org.samizdat.distribution.internal.SigningKey;
import org.samizdat.shared.web.NotFound;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.samizdat.staff.FieldErrors;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.samizdat.staff.StaffMember;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The newsroom's distribution desk, for admins: add, relabel, reorder and retire mirror entries, and export the
 * site as a signed static mirror in the background. Every change is audit-logged.
 */
@Controller
@Newsroom
class MirrorDesk {

    private static final String DESK = "/newsroom/mirrors";

    private final MirrorList mirrors;
    private final ExportJob export;
    private final SigningKey key;
    private final AuditLog audit;

    MirrorDesk(MirrorList mirrors, ExportJob export, SigningKey key, AuditLog audit) {
        this.mirrors = mirrors;
        this.export = export;
        this.key = key;
        this.audit = audit;
    }

    @GetMapping(DESK)
    String desk(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam(required = false) String done, Model model) {
        return show(page, FieldErrors.none(page.t()), "web", "", "", done, model);
    }

    @PostMapping(DESK)
    String add(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, StaffMember who,
            @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "") String label, Model model, HttpServletResponse response) {
        MirrorRules.Checked checked = MirrorRules.check(kind, address);
        FieldErrors errors = FieldErrors.none(page.t()).maxLength("label", label, MirrorRules.MAX_LABEL);
        if (!checked.ok()) {
            errors.add(checked.error().equals("distribution.error.kind") ? "kind" : "address", checked.error(),
                    MirrorRules.MAX_ADDRESS);
        }
        if (errors.isEmpty() && !mirrors.add(kind, checked.address(), MirrorRules.label(label))) {
            errors.add("address", "distribution.error.full", MirrorList.MAX_ENTRIES);
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            String typed = address.length() > MirrorRules.MAX_ADDRESS ? "" : address;
            return show(page, errors, MirrorRules.KINDS.contains(kind) ? kind : "web", typed,
                    label.length() > MirrorRules.MAX_LABEL ? "" : label, null, model);
        }
        audit.record(who, AuditAction.MIRROR_ADDED, kind + " " + checked.address());
        return "redirect:" + DESK + "?done=added";
    }

    @PostMapping(DESK + "/{id:[0-9]{1,12}}")
    String change(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, StaffMember who,
            @PathVariable long id, @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String position, @RequestParam(defaultValue = "live") String state,
            Model model, HttpServletResponse response) {
        MirrorEntry entry = mirrors.find(id).orElseThrow(NotFound::new);
        FieldErrors errors = FieldErrors.none(page.t()).maxLength("label", label, MirrorRules.MAX_LABEL);
        if (!position.strip().matches("[0-9]{1,4}")) {
            errors.add("position", "distribution.error.position");
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return show(page, errors, "web", "", "", null, model);
        }
        boolean live = state.equals("live");
        mirrors.update(id, MirrorRules.label(label), Integer.parseInt(position.strip()), live);
        audit.record(who, AuditAction.MIRROR_CHANGED, entry.kind() + " " + entry.address() + (live ? " live" : " retired"));
        return "redirect:" + DESK + "?done=saved";
    }

    @PostMapping(DESK + "/export")
    String export(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, StaffMember who,
            @RequestParam(required = false) String full) {
        boolean started = export.start(full != null);
        if (started) {
            audit.record(who, AuditAction.MIRROR_EXPORT_STARTED, export.folder().toString());
        }
        return "redirect:" + DESK + "?done=" + (started ? "exporting" : "busy");
    }

    private String show(NewsroomPage page, FieldErrors errors, String kind, String address, String label, String done,
            Model model) {
        model.addAttribute("entries", mirrors.all());
        model.addAttribute("errors", errors);
        model.addAttribute("kind", kind);
        model.addAttribute("address", address);
        model.addAttribute("label", label);
        model.addAttribute("done", done != null && done.matches("[a-z]{1,12}") ? done : null);
        model.addAttribute("export", export.state());
        model.addAttribute("folder", export.folder().toString());
        model.addAttribute("keyId", key.id());
        return "distribution/desk";
    }
}
