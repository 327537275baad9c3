package dev.steward.intake;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Form;
import dev.steward.catalog.PurposeNames;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.consent.CollectionMethod;
import dev.steward.notice.VisitorRegions;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.RateLimitedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A catalog form as a web page: rendered from the catalog, submitted without JavaScript, CSRF-protected. A refused
 * submission comes back with an error summary and each error at its field, the visitor's input kept (never a
 * password); an accepted one leads to a confirmation with a link to every consent receipt. A visitor refused for their
 * age is the exception: they get a page without the form and nothing they typed, and the site's forms stay closed to
 * that browser for the session ({@link AgeRefusals}).
 */
@Controller
class FormPagesController {

    private static final String SUBMITTED = "submitted";
    private static final Set<String> CONTROLS =
            Set.of("_csrf", "consents", "age", "birthDate", "parentEmail", "region", Intake.HONEYPOT);

    private final Intake intake;
    private final FormPages pages;
    private final VisitorRegions jurisdictions;
    private final PurposeNames purposeNames;
    private final AgeRefusals refusals;
    private final Catalogs catalogs;
    private final Clock clock;

    FormPagesController(
            Intake intake,
            FormPages pages,
            VisitorRegions jurisdictions,
            PurposeNames purposeNames,
            AgeRefusals refusals,
            Catalogs catalogs,
            Clock clock) {
        this.intake = intake;
        this.pages = pages;
        this.jurisdictions = jurisdictions;
        this.purposeNames = purposeNames;
        this.refusals = refusals;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    @GetMapping("/s/{site}/forms/{form}")
    String form(
            @PathVariable String site,
            @PathVariable String form,
            @RequestParam(required = false) @Nullable String region,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Form found = intake.form(site, form);
        Optional<String> refusedIn = refusals.refusedIn(request, site);
        if (refusedIn.isPresent()) {
            return ageRefused(site, refusedIn.get(), HttpStatus.FORBIDDEN, response, model);
        }
        // a region the site does not serve is refused as the notice's is: 400, naming those it does, in the reader's
        // language
        String jurisdiction = jurisdictions.resolve(site, region, request);
        model.addAttribute(
                "page", pages.page(site, found, jurisdiction, region != null, FormPages.Input.BLANK, List.of()));
        return "intake/form";
    }

    @PostMapping("/s/{site}/forms/{form}")
    String submit(
            @PathVariable String site,
            @PathVariable String form,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Form found = intake.form(site, form);
        Optional<String> refusedIn = refusals.refusedIn(request, site);
        if (refusedIn.isPresent()) {
            return ageRefused(site, refusedIn.get(), HttpStatus.FORBIDDEN, response, model);
        }
        String region = params.getFirst("region");
        String jurisdiction = jurisdictions.resolve(site, region, request);
        FormSubmission submission = submission(site, form, params, jurisdiction, request);
        try {
            redirect.addFlashAttribute(SUBMITTED, intake.submit(submission));
            return "redirect:/s/" + site + "/forms/" + form + "/sent";
        } catch (InvalidInputException e) {
            if (e.errors().stream().anyMatch(error -> AgeGateRules.TOO_YOUNG.equals(error.code()))) {
                refusals.remember(request, site, jurisdiction);
                return ageRefused(site, jurisdiction, HttpStatus.UNPROCESSABLE_CONTENT, response, model);
            }
            return refused(
                    site,
                    found,
                    jurisdiction,
                    region,
                    submission,
                    e.errors(),
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    response,
                    model);
        } catch (RateLimitedException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            return refused(
                    site,
                    found,
                    jurisdiction,
                    region,
                    submission,
                    List.of(e.error()),
                    HttpStatus.TOO_MANY_REQUESTS,
                    response,
                    model);
        }
    }

    /** The confirmation after an accepted submission; reloading it, or coming without one, leads back to the form. */
    @GetMapping("/s/{site}/forms/{form}/sent")
    String sent(@PathVariable String site, @PathVariable String form, Model model) {
        Form found = intake.form(site, form);
        Object submitted = model.getAttribute(SUBMITTED);
        if (!(submitted instanceof Submitted outcome)) {
            return "redirect:/s/" + site + "/forms/" + form;
        }
        Site declared = catalogs.requireSite(site);
        String language = VisitorLanguages.of(declared);
        model.addAttribute("site", declared);
        model.addAttribute("siteName", declared.name().in(language));
        model.addAttribute("title", found.title().in(language));
        model.addAttribute(
                "confirmation",
                found.confirmation() == null ? null : found.confirmation().shownIn(language));
        model.addAttribute("outcome", outcome);
        model.addAttribute("awaitingParent", outcome.status() == Submitted.Status.AWAITING_PARENT);
        model.addAttribute("createsAccount", found.createsAccount());
        model.addAttribute("purposeNames", purposeNames.shown(site, outcome.awaitingConfirmation(), language));
        model.addAttribute("receiptNames", purposeNames.shown(site, outcome.receiptPurposes(), language));
        return "intake/sent";
    }

    /**
     * The refusal for age: the catalog's words, what a parent or guardian can do (read the notice with the child, use
     * the site for them in their own name and browser) and a way back to the site; no form and nothing typed. The
     * session stays marked ({@link AgeRefusals}): the FTC's neutral age screen keeps the child from going back to
     * give another age, so the parent's way is their own browser, and the page says so rather than leaving them at a
     * closed form.
     */
    private String ageRefused(
            String site, String jurisdiction, HttpStatus status, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        Site declared = catalogs.requireSite(site);
        model.addAttribute("site", declared);
        model.addAttribute("siteName", declared.name().in(VisitorLanguages.of(declared)));
        model.addAttribute("refusal", pages.ageRefusal(site, jurisdiction));
        // the notice the refusal quotes, for the parent or guardian the catalog's words send the child to
        model.addAttribute("jurisdiction", jurisdiction);
        return "intake/age-refused";
    }

    private String refused(
            String site,
            Form form,
            String jurisdiction,
            @Nullable String region,
            FormSubmission submission,
            List<FieldError> errors,
            HttpStatus status,
            HttpServletResponse response,
            Model model) {
        response.setStatus(status.value());
        FormPages.Input input = new FormPages.Input(
                submission.fields(),
                submission.consents(),
                submission.age() == null
                        ? (submission.birthDate() == null ? "" : submission.birthDate())
                        : submission.age(),
                submission.parentEmail() == null ? "" : submission.parentEmail());
        model.addAttribute("page", pages.page(site, form, jurisdiction, region != null, input, errors));
        return "intake/form";
    }

    private FormSubmission submission(
            String site,
            String form,
            MultiValueMap<String, String> params,
            String jurisdiction,
            HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> undeclared = new ArrayList<>();
        params.forEach((name, values) -> {
            if (name.startsWith(SubmissionRules.FIELDS)) {
                fields.put(name.substring(SubmissionRules.FIELDS.length()), values.isEmpty() ? "" : values.get(0));
            } else if (!CONTROLS.contains(name)) {
                undeclared.add(name);
            }
        });
        Set<String> consents = new LinkedHashSet<>(params.getOrDefault("consents", List.of()));
        return new FormSubmission(
                site,
                form,
                fields,
                consents,
                undeclared,
                blankToNull(params.getFirst("age")),
                blankToNull(params.getFirst("birthDate")),
                blankToNull(params.getFirst("parentEmail")),
                params.getFirst(Intake.HONEYPOT),
                CollectionMethod.FORM,
                new FormSubmission.Connection(
                        jurisdiction,
                        request.getRemoteAddr(),
                        request.getHeader(HttpHeaders.USER_AGENT),
                        clock.instant()));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
