package org.samizdat.staff.web;

import jakarta.servlet.http.HttpServletResponse;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.samizdat.staff.FieldErrors;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.staff.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Every staff member's own password (the first-run admin's first stop). */
@Controller
@Newsroom
class AccountController {

    private final StaffDirectory staff;
    private final AuditLog audit;

    AccountController(StaffDirectory staff, AuditLog audit) {
        this.staff = staff;
        this.audit = audit;
    }

    @GetMapping("/newsroom/account")
    String account(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @RequestParam(required = false) String changed,
            Model model) {
        model.addAttribute("errors", FieldErrors.none(page.t()));
        model.addAttribute("changed", changed != null);
        return "staff/account";
    }

    @PostMapping("/newsroom/account")
    String changePassword(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, StaffMember who,
            @RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat, Model model, HttpServletResponse response) {
        FieldErrors errors = new FieldErrors(page.t());
        if (!staff.passwordMatches(who.id(), current)) {
            errors.add("current", "newsroom.account.wrongCurrent");
        }
        if (!StaffDirectory.acceptablePassword(password)) {
            errors.add("password", "newsroom.error.passwordLength", StaffDirectory.MIN_PASSWORD, StaffDirectory.MAX_PASSWORD);
        } else if (!password.equals(repeat)) {
            errors.add("repeat", "newsroom.account.mismatch");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", errors);
            model.addAttribute("changed", false);
            return "staff/account";
        }
        staff.changePassword(who.id(), password);
        audit.record(who, AuditAction.PASSWORD_CHANGED, null);
        return "redirect:/newsroom/account?changed";
    }
}
