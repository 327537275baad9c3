package dev.steward.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Pages answer failures with a readable page and the right status; the JSON API has its own handler. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "This page is not available", e.getMessage());
    }

    @ExceptionHandler
    ModelAndView unusableLink(UnusableLinkException e, HttpServletResponse response) {
        EmailLinks.secret(response);
        ModelAndView page = new ModelAndView("links/unusable");
        page.setStatus(e.page().reason().status());
        page.addObject("link", e.page());
        return page;
    }

    @ExceptionHandler
    ModelAndView missingParameter(MissingServletRequestParameterException e) {
        return page(
                HttpStatus.BAD_REQUEST,
                "Something is missing",
                "The address needs the parameter '" + e.getParameterName() + "'.");
    }

    private static ModelAndView page(HttpStatus status, String heading, String message) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("heading", heading);
        page.addObject("message", message);
        return page;
    }
}
