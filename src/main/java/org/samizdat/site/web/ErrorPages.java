package org.samizdat.site.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.samizdat.content.Navigation;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.NotFound;
import org.samizdat.shared.web.PageMeta;
import org.samizdat.shared.web.Pages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error a reader can meet, shown inside the site chrome in the page's language: 404 for unknown
 * addresses, a plain apology for anything else. Never a stack trace.
 */
@Controller
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final Navigation navigation;
    private final Pages pages;

    ErrorPages(Navigation navigation, Pages pages) {
        this.navigation = navigation;
        this.pages = pages;
    }

    @ExceptionHandler({NotFound.class, NoResourceFoundException.class})
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        return render(HttpStatus.NOT_FOUND, request, response, model);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String badRequest(HttpServletRequest request, HttpServletResponse response, Model model) {
        return render(HttpStatus.BAD_REQUEST, request, response, model);
    }

    /** A form or upload over the size limits: a clean 413 rather than an error. */
    @ExceptionHandler({org.apache.tomcat.util.http.InvalidParameterException.class,
            org.springframework.web.multipart.MaxUploadSizeExceededException.class})
    String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
        return render(HttpStatus.CONTENT_TOO_LARGE, request, response, model);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    String methodNotAllowed(HttpServletRequest request, HttpServletResponse response, Model model) {
        return render(HttpStatus.METHOD_NOT_ALLOWED, request, response, model);
    }

    /** Whatever the servlet container could not handle itself ends here. */
    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return render(status, path, response, model);
    }

    String render(HttpStatus status, HttpServletRequest request, HttpServletResponse response, Model model) {
        return render(status, request.getRequestURI(), response, model);
    }

    private String render(HttpStatus status, String path, HttpServletResponse response, Model model) {
        Language language = languageOf(path);
        String kind = status == HttpStatus.NOT_FOUND ? "notFound"
                : status.is4xxClientError() ? "badRequest" : "generic";
        String title = pages.texts(language).get("error." + kind + ".title");
        PageMeta page = pages.page(language, title, null, "/" + language.code()).hiddenFromSearch();
        response.setStatus(status.value());
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("page", page);
        model.addAttribute("nav", navigation.sections(language));
        model.addAttribute("heading", title);
        model.addAttribute("text", kind.equals("badRequest") ? "" : pages.texts(language).get("error." + kind + ".text"));
        return "site/error";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model)
            throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        if (e instanceof org.springframework.web.ErrorResponse known) {
            HttpStatus status = HttpStatus.resolve(known.getStatusCode().value());
            if (status != null && !status.is5xxServerError()) {
                return render(status, request, response, model);
            }
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return render(HttpStatus.INTERNAL_SERVER_ERROR, request, response, model);
    }

    private Language languageOf(String path) {
        if (path != null && path.length() >= 3 && path.charAt(0) == '/') {
            return Language.fromCode(path.substring(1, 3)).filter(l -> path.length() == 3 || path.charAt(3) == '/')
                    .orElse(pages.defaultLanguage());
        }
        return pages.defaultLanguage();
    }
}
