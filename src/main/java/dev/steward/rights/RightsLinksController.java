package dev.steward.rights;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.platform.EmailLinks;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
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

/**
 * The privacy center's links in e-mails, following {@link EmailLinks}: the verification link and the package link
 * open pages that change nothing; their buttons confirm the request, or download the package with the mail's code.
 */
@Controller
class RightsLinksController {

    private final PrivacyCenter center;
    private final VerificationLinks verifications;
    private final PackageDownloads downloads;
    private final Catalogs catalogs;
    private final VerifiedAddresses addresses;

    private final ErrorWords errorWords;

    RightsLinksController(
            PrivacyCenter center,
            VerificationLinks verifications,
            PackageDownloads downloads,
            Catalogs catalogs,
            VerifiedAddresses addresses,
            ErrorWords errorWords) {
        this.errorWords = errorWords;
        this.center = center;
        this.verifications = verifications;
        this.downloads = downloads;
        this.catalogs = catalogs;
        this.addresses = addresses;
    }

    @GetMapping("/s/{site}/privacy-center/verify")
    String verificationPage(
            @PathVariable String site, @RequestParam String token, Model model, HttpServletResponse response) {
        EmailLinks.secret(response);
        VerificationLinks.Page link = verifications.page(site, token);
        page(site, model);
        model.addAttribute("asked", link.request().typeKey());
        model.addAttribute("confirmable", link.confirmable());
        model.addAttribute("action", "/s/" + site + "/privacy-center/verify?token=" + token);
        model.addAttribute("decline", "/s/" + site + "/privacy-center/verify/decline?token=" + token);
        return "privacy-center/verify";
    }

    @EmailLinks.Button
    @PostMapping("/s/{site}/privacy-center/verify")
    String verify(
            @PathVariable String site,
            @RequestParam String token,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        EmailLinks.secret(response);
        RightsRequest verified;
        try {
            verified = center.verifyLink(site, token);
        } catch (InvalidInputException e) {
            throw verifications.unusable(site, token);
        }
        addresses.remember(verified, http);
        page(site, model);
        model.addAttribute("request", verified);
        return "privacy-center/verified";
    }

    @EmailLinks.Button(after = "/decline")
    @PostMapping("/s/{site}/privacy-center/verify/decline")
    String decline(@PathVariable String site, @RequestParam String token, Model model, HttpServletResponse response) {
        EmailLinks.secret(response);
        try {
            center.declineLink(site, token);
        } catch (InvalidInputException e) {
            throw verifications.unusable(site, token);
        }
        page(site, model);
        return "privacy-center/declined";
    }

    @GetMapping("/s/{site}/privacy-center/packages/{token}")
    String packagePage(
            @PathVariable String site, @PathVariable String token, Model model, HttpServletResponse response) {
        EmailLinks.secret(response);
        return offer(site, token, model, null);
    }

    @EmailLinks.Button
    @PostMapping("/s/{site}/privacy-center/packages/{token}")
    Object download(
            @PathVariable String site,
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String code,
            Model model,
            HttpServletResponse response) {
        EmailLinks.secret(response);
        try {
            PackageDownloads.Download download = downloads.download(site, token, code);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(download.contentType()))
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename(download.fileName())
                                    .build()
                                    .toString())
                    .body(download.content());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return offer(site, token, model, e);
        }
    }

    private String offer(String site, String token, Model model, @Nullable InvalidInputException refused) {
        model.addAttribute("offer", downloads.offer(site, token));
        page(site, model);
        model.addAttribute("action", "/s/" + site + "/privacy-center/packages/" + token);
        model.addAttribute("codeErrors", refused == null ? null : errorWords.shown(refused));
        return "privacy-center/download";
    }

    private void page(String siteKey, Model model) {
        Site site = catalogs.requireSite(siteKey);
        model.addAttribute("site", site);
        model.addAttribute("siteName", site.name().in(VisitorLanguages.of(site)));
    }
}
