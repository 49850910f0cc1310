package org.samizdat.staff.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.samizdat.shared.web.SiteProperties;
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
 * A staff member turns two-step sign-in on (proving their app works) or off. Both need the current password
 * and a code, so a session left open on someone's laptop cannot change the second factor.
 */
@Controller
@Newsroom
class TwoStepController {

    static final String PENDING = "samizdat.pendingTwoStepSecret";

    private final TwoStep twoStep;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final SiteProperties site;

    TwoStepController(TwoStep twoStep, StaffDirectory staff, AuditLog audit, SiteProperties site) {
        this.twoStep = twoStep;
        this.staff = staff;
        this.audit = audit;
        this.site = site;
    }

    @GetMapping("/newsroom/account/two-step")
    String show(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, StaffMember who, HttpSession session,
            Model model) {
        return render(model, page, who, session, FieldErrors.none(page.t()), HttpStatus.OK, null);
    }

    @PostMapping("/newsroom/account/two-step/enable")
    String enable(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, StaffMember who,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String code,
            HttpSession session, Model model, HttpServletResponse response) {
        String secret = (String) session.getAttribute(PENDING);
        FieldErrors errors = reauthenticate(page, who, password);
        List<String> recovery = errors.isEmpty() && secret != null ? twoStep.enable(who.id(), secret, code) : List.of();
        if (recovery.isEmpty()) {
            errors.add("code", "newsroom.twoStep.wrongCode");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, page, who, session, errors, HttpStatus.UNPROCESSABLE_CONTENT, null);
        }
        session.removeAttribute(PENDING);
        audit.record(who, AuditAction.TWO_STEP_ENABLED, null);
        return render(model, page, who, session, FieldErrors.none(page.t()), HttpStatus.OK, recovery);
    }

    @PostMapping("/newsroom/account/two-step/disable")
    String disable(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, StaffMember who,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String code,
            HttpSession session, Model model, HttpServletResponse response) {
        FieldErrors errors = reauthenticate(page, who, password);
        if (twoStep.required()) {
            errors.add("code", "newsroom.twoStep.requiredByAdmin");
        } else if (errors.isEmpty() && !twoStep.accept(who.id(), code)) {
            errors.add("code", "newsroom.twoStep.wrongCode");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, page, who, session, errors, HttpStatus.UNPROCESSABLE_CONTENT, null);
        }
        twoStep.disable(who.id());
        audit.record(who, AuditAction.TWO_STEP_DISABLED, null);
        return "redirect:/newsroom/account/two-step";
    }

    private FieldErrors reauthenticate(NewsroomPage page, StaffMember who, String password) {
        FieldErrors errors = FieldErrors.none(page.t());
        if (password.isEmpty() || password.length() > StaffDirectory.MAX_PASSWORD || !staff.passwordMatches(who.id(), password)) {
            errors.add("password", "newsroom.account.wrongCurrent");
        }
        return errors;
    }

    private String render(Model model, NewsroomPage page, StaffMember who, HttpSession session, FieldErrors errors,
            HttpStatus status, List<String> recovery) {
        boolean enabled = twoStep.enabled(who.id());
        String secret = null;
        if (!enabled) {
            secret = (String) session.getAttribute(PENDING);
            if (secret == null) {
                secret = twoStep.newSecret();
                session.setAttribute(PENDING, secret);
            }
        }
        model.addAttribute("enabled", enabled);
        model.addAttribute("required", twoStep.required());
        model.addAttribute("secret", secret == null ? null : secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("appLink", secret == null ? null : twoStep.appLink(site.name(page.language()), who.username(), secret));
        model.addAttribute("codesLeft", enabled ? twoStep.recoveryCodesLeft(who.id()) : 0);
        model.addAttribute("recovery", recovery);
        model.addAttribute("errors", errors);
        return "staff/twostep";
    }
}
