package dev.steward.newsletter;

import dev.steward.consent.CollectionMethod;
import dev.steward.platform.EmailLinks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The unsubscribe link of every marketing message. A POST to it is the one-click unsubscribe of RFC 8058: a mail
 * program sends it without cookies or login, authenticated by the link's token alone, and the person is unsubscribed
 * at once, with no redirect. Opened in a browser, the link shows a page: unsubscribing is its button (a form with a
 * CSRF token, since the browser has cookies), never the opening itself, which mail scanners do; the page also lists
 * the person's other lists, to leave or keep.
 */
@Controller
class UnsubscribeController {

    static final String ONE_CLICK = "/s/{site}/unsubscribe/{token}";

    private final Unsubscribes unsubscribes;

    UnsubscribeController(Unsubscribes unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @PostMapping(value = ONE_CLICK)
    @ResponseBody
    ResponseEntity<String> oneClick(
            @PathVariable String site,
            @PathVariable String token,
            HttpServletRequest request,
            HttpServletResponse response) {
        EmailLinks.secret(response);
        Optional<Unsubscribes.Subscription> subscription = unsubscribes.find(site, token);
        if (subscription.isEmpty()) {
            return text(HttpStatus.NOT_FOUND, "This unsubscribe link is not valid.");
        }
        unsubscribes.unsubscribe(
                subscription.get(),
                Set.of(),
                CollectionMethod.ONE_CLICK,
                request.getRemoteAddr(),
                request.getHeader(HttpHeaders.USER_AGENT));
        return text(
                HttpStatus.OK,
                "You are unsubscribed from " + subscription.get().list().name() + ".");
    }

    @GetMapping(ONE_CLICK)
    String page(
            @PathVariable String site,
            @PathVariable String token,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        EmailLinks.secret(response);
        Optional<Unsubscribes.Subscription> subscription = unsubscribes.find(site, token);
        if (subscription.isEmpty()) {
            return invalid(site, model, response);
        }
        List<MailingList> subscribed = unsubscribes.subscribed(subscription.get());
        named(site, subscription.get(), subscribed, locale, model);
        model.addAttribute("token", token);
        model.addAttribute("list", subscription.get().list());
        model.addAttribute("subscribed", subscribed.contains(subscription.get().list()));
        model.addAttribute(
                "others",
                subscribed.stream()
                        .filter(list -> !list.equals(subscription.get().list()))
                        .toList());
        return "newsletter/unsubscribe";
    }

    @EmailLinks.Button(after = "/confirm")
    @PostMapping(ONE_CLICK + "/confirm")
    String confirm(
            @PathVariable String site,
            @PathVariable String token,
            @RequestParam(name = "also", required = false) @Nullable List<String> also,
            Locale locale,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        EmailLinks.secret(response);
        Optional<Unsubscribes.Subscription> subscription = unsubscribes.find(site, token);
        if (subscription.isEmpty()) {
            return invalid(site, model, response);
        }
        unsubscribes.unsubscribe(
                subscription.get(),
                also == null ? Set.of() : new HashSet<>(also),
                CollectionMethod.EMAIL_LINK,
                request.getRemoteAddr(),
                request.getHeader(HttpHeaders.USER_AGENT));
        List<MailingList> kept = unsubscribes.subscribed(subscription.get());
        named(site, subscription.get(), kept, locale, model);
        model.addAttribute("kept", kept);
        model.addAttribute("operational", unsubscribes.operationalMail(site, locale.getLanguage()));
        return "newsletter/unsubscribed";
    }

    /** The site and the lists by name, in the language the visitor reads the site in. */
    private void named(
            String site, Unsubscribes.Subscription subscription, List<MailingList> lists, Locale locale, Model model) {
        List<MailingList> named = new ArrayList<>(lists);
        named.add(subscription.list());
        model.addAttribute("siteKey", site);
        model.addAttribute("siteName", unsubscribes.siteName(subscription, locale.getLanguage()));
        model.addAttribute("names", unsubscribes.listNames(site, named, locale.getLanguage()));
    }

    private static String invalid(String site, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("siteKey", site);
        return "newsletter/unsubscribe-invalid";
    }

    private static ResponseEntity<String> text(HttpStatus status, String text) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(text);
    }
}
