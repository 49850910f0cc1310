package org.samizdat.content.web.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.samizdat.content.internal.StoryNotFound;
import org.samizdat.content.internal.WorkflowRefused;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPages;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** What the newsroom shows when the workflow says no, or a story vanished between two clicks. */
@ControllerAdvice(annotations = Newsroom.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class WorkflowErrors {

    private final NewsroomPages pages;

    WorkflowErrors(NewsroomPages pages) {
        this.pages = pages;
    }

    @ExceptionHandler(WorkflowRefused.class)
    String refused(WorkflowRefused refused, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("newsroom", pages.page(request));
        model.addAttribute("reason", "newsroom." + refused.messageKey());
        return "newsroom/forbidden";
    }

    @ExceptionHandler(StoryNotFound.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("newsroom", pages.page(request));
        return "newsroom/notfound";
    }
}
