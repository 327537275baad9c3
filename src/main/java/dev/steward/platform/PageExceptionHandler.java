package dev.steward.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/** Pages answer failures with a readable page and the right status; the JSON API has its own handler. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private final ErrorWords words;

    PageExceptionHandler(ErrorWords words) {
        this.words = words;
    }

    /**
     * What was looked for ({@code detail}) is named in English only, as the API names it: an English page says what is
     * missing (a region the notice does not have, and which it has), other languages that nothing is there.
     */
    @ExceptionHandler
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "not-found").addObject("detail", e.getMessage());
    }

    @ExceptionHandler
    ModelAndView unusableLink(UnusableLinkException e, HttpServletResponse response) {
        EmailLinks.secret(response);
        ModelAndView page = new ModelAndView("links/unusable");
        page.setStatus(e.page().reason().status());
        page.addObject("link", e.page());
        return page;
    }

    /**
     * A value of the wrong shape in the address ({@code /receipts/not-a-uuid}) names a page that does not exist; one in
     * a parameter is a bad request. WHY here: left to Spring, the refusal is logged with the value quoted, and what a
     * visitor or staff member put in an address may be personal (an e-mail address pasted for an id).
     */
    @ExceptionHandler
    ModelAndView wrongType(MethodArgumentTypeMismatchException e) {
        return e.getParameter().hasParameterAnnotation(PathVariable.class)
                ? page(HttpStatus.NOT_FOUND, "not-found")
                : page(HttpStatus.BAD_REQUEST, "bad-request");
    }

    /**
     * A parameter the page cannot use (a region the site does not serve): what would do, in the reader's language. A
     * page that shows errors beside its fields catches them itself.
     */
    @ExceptionHandler
    ModelAndView invalid(InvalidInputException e) {
        return page(HttpStatus.BAD_REQUEST, "invalid").addObject("errors", words.shown(e));
    }

    /**
     * A value that is not one of the choices: as {@link #invalid}, and a link to this same page with each value that
     * would do ({@code ?region=EU}), the rest of the address kept. Only a page read (GET) is linked again: a form's
     * post would be repeated as a read.
     */
    @ExceptionHandler
    ModelAndView invalidChoice(InvalidChoiceException e, HttpServletRequest request) {
        ModelAndView page = invalid(e);
        if ("GET".equals(request.getMethod())) {
            page.addObject("choices", links(e, request));
        }
        return page;
    }

    @ExceptionHandler
    ModelAndView missingParameter(MissingServletRequestParameterException e) {
        return page(HttpStatus.BAD_REQUEST, "missing").addObject("parameter", e.getParameterName());
    }

    /** A link shown for a choice: the page's path and parameters, with the chosen value in place of the refused one. */
    record ChoiceLink(String href, String label, @Nullable String lang) {}

    private static List<ChoiceLink> links(InvalidChoiceException e, HttpServletRequest request) {
        return e.choices().stream()
                .map(choice -> new ChoiceLink(
                        UriComponentsBuilder.fromPath(request.getRequestURI())
                                .query(request.getQueryString())
                                .replaceQueryParam(e.parameter(), choice.value())
                                .build()
                                .toUriString(),
                        choice.label(),
                        choice.lang()))
                .toList();
    }

    /** The error page in the reader's language: {@code kind} picks its words ({@code page.error.<kind>.*}). */
    private static ModelAndView page(HttpStatus status, String kind) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("kind", kind);
        return page;
    }
}
