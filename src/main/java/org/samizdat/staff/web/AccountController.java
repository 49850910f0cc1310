package org.samizdat.staff.web;

import jakarta.servlet.http.HttpServletResponse;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.samizdat.staff.FieldErrors;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.staff.StaffMember;
import org.samizdat.staff.internal.TwoStep;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every staff member's own password (the first-run admin's first stop). Changing it needs the current password
 * and, when two-step sign-in is on, a code: an open session alone cannot take over the account.
 */
@Controller
@Newsroom
class AccountController {

    private final StaffDirectory staff;
    private final AuditLog audit;
    private final TwoStep twoStep;

    AccountController(StaffDirectory staff, AuditLog audit, TwoStep twoStep) {
        this.staff = staff;
        this.audit = audit;
        this.twoStep = twoStep;
    }

    @GetMapping("/newsroom/account")
    String account(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @RequestParam(required = false) String changed,
            Model model) {
        return show(model, page, FieldErrors.none(page.t()), changed != null);
    }

    @PostMapping("/newsroom/account")
    String changePassword(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, StaffMember who,
            @RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat, @RequestParam(defaultValue = "") String code, Model model,
            HttpServletResponse response) {
        FieldErrors errors = new FieldErrors(page.t());
        boolean currentRight = current.length() <= StaffDirectory.MAX_PASSWORD && staff.passwordMatches(who.id(), current);
        if (!currentRight) {
            errors.add("current", "newsroom.account.wrongCurrent");
        } else if (twoStep.enabled(who.id()) && !twoStep.accept(who.id(), code)) {
            errors.add("code", "newsroom.twoStep.wrongCode");
        }
        String problem = StaffDirectory.passwordProblem(password);
        if (problem != null) {
            errors.add("password", problem, StaffDirectory.MIN_PASSWORD, StaffDirectory.MAX_PASSWORD);
        } else if (!password.equals(repeat)) {
            errors.add("repeat", "newsroom.account.mismatch");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(model, page, errors, false);
        }
        staff.changePassword(who.id(), password);
        audit.record(who, AuditAction.PASSWORD_CHANGED, null);
        return "redirect:/newsroom/account?changed";
    }

    private String show(Model model, NewsroomPage page, FieldErrors errors, boolean changed) {
        model.addAttribute("errors", errors);
        model.addAttribute("changed", changed);
        model.addAttribute("needsCode", twoStep.enabled(page.who().id()));
        return "staff/account";
    }
}
