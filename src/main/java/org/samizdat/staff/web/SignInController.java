package org.samizdat.staff.web;

import jakarta.servlet.http.HttpServletRequest;
import org.samizdat.staff.Newsroom;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The sign-in page (Spring Security checks the form) and the page shown when a role is not enough. */
@Controller
@Newsroom
class SignInController {

    @GetMapping("/newsroom/signin")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String signedout,
            Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", signedout != null);
        return "staff/signin";
    }

    @RequestMapping("/newsroom/forbidden")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(HttpServletRequest request, Model model) {
        if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            model.addAttribute("reason", "newsroom.forbidden.staleForm");
        }
        return "newsroom/forbidden";
    }
}
