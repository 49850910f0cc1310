package org.samizdat.staff.web;

import jakarta.servlet.http.HttpServletResponse;
import org.samizdat.shared.web.NotFound;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.samizdat.staff.FieldErrors;
import org.samizdat.staff.StaffAccount;
import org.samizdat.staff.internal.TwoStep;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.staff.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff accounts, for admins only (also enforced by the URL rules): create, change role, disable. */
@Controller
@Newsroom
class StaffController {

    private final StaffDirectory staff;
    private final AuditLog audit;
    private final TwoStep twoStep;

    StaffController(StaffDirectory staff, AuditLog audit, TwoStep twoStep) {
        this.staff = staff;
        this.audit = audit;
        this.twoStep = twoStep;
    }

    @PostMapping("/newsroom/staff/two-step")
    String requireTwoStep(@RequestParam boolean required, StaffMember who) {
        twoStep.require(required);
        audit.record(who, required ? AuditAction.TWO_STEP_REQUIRED : AuditAction.TWO_STEP_OPTIONAL, null);
        return "redirect:/newsroom/staff?notice=saved";
    }

    @GetMapping("/newsroom/staff")
    String list(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @RequestParam(required = false) String notice,
            Model model) {
        return show(model, page, StaffForm.blank(), FieldErrors.none(page.t()), notice);
    }

    @PostMapping("/newsroom/staff")
    String create(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, StaffForm form, Model model,
            HttpServletResponse response) {
        FieldErrors errors = form.check(page.t(), staff);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(model, page, new StaffForm(form.username(), form.displayName(), form.role(), ""), errors, null);
        }
        staff.create(form.username(), form.displayName(), form.parsedRole(), form.password());
        audit.record(page.who(), AuditAction.STAFF_CREATED, form.username() + " · " + form.parsedRole());
        return "redirect:/newsroom/staff?notice=created";
    }

    @PostMapping("/newsroom/staff/{id}/role")
    String changeRole(@PathVariable long id, @RequestParam Role role, StaffMember who) {
        StaffAccount account = staff.find(id).orElseThrow(NotFound::new);
        if (id == who.id()) {
            return "redirect:/newsroom/staff?notice=notSelf";
        }
        staff.changeRole(id, role);
        audit.record(who, AuditAction.STAFF_ROLE_CHANGED, account.username() + " · " + role);
        return "redirect:/newsroom/staff?notice=saved";
    }

    @PostMapping("/newsroom/staff/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, StaffMember who) {
        StaffAccount account = staff.find(id).orElseThrow(NotFound::new);
        if (id == who.id()) {
            return "redirect:/newsroom/staff?notice=notSelf";
        }
        staff.setEnabled(id, enabled);
        audit.record(who, enabled ? AuditAction.STAFF_ENABLED : AuditAction.STAFF_DISABLED, account.username());
        return "redirect:/newsroom/staff?notice=saved";
    }

    private String show(Model model, NewsroomPage page, StaffForm form, FieldErrors errors, String notice) {
        model.addAttribute("accounts", staff.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("twoStepRequired", twoStep.required());
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice == null || !notice.matches("[a-zA-Z]{1,20}") ? null
                : page.t().get("newsroom.staff.notice." + notice));
        return "staff/list";
    }
}
