package org.samizdat.staff.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.samizdat.shared.web.NotFound;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.samizdat.staff.NewsroomPages;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every newsroom view its chrome as the model attribute {@code newsroom} and shows unknown
 * addresses as the newsroom's own 404 page.
 */
@ControllerAdvice(annotations = Newsroom.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NewsroomAdvice {

    private final NewsroomPages pages;

    NewsroomAdvice(NewsroomPages pages) {
        this.pages = pages;
    }

    @ModelAttribute("newsroom")
    NewsroomPage newsroom(HttpServletRequest request) {
        return pages.page(request);
    }

    @ExceptionHandler(NotFound.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("newsroom", pages.page(request));
        return "newsroom/notfound";
    }
}
