package dev.steward.rights;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.RightType;
import dev.steward.catalog.Site;
import dev.steward.catalog.SiteTimes;
import dev.steward.platform.EmailLinks;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.Phrase;
import dev.steward.platform.UnusableLinkException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requester's package behind the link of the answer mail ({@link EmailLinks}): opening the link shows what is
 * offered and until when; the download button asks for the six-digit code of the same mail, so that the address alone
 * (kept in a browser's history, a proxy's log or a link scanner's records for the whole window) opens nothing. The
 * package can be downloaded as often as needed until it expires; each download is counted, told in the request's
 * history and written to the audit trail as the requester's. Too many wrong codes lock the link, never the copy: it
 * moves to a new link with a new code, mailed to the requester's verified address alone, so that a stranger holding the
 * link (a forwarded mail, a mail scanner's records) gets {@link #CODE_ATTEMPTS} guesses and cannot destroy the copy.
 */
@Service
class PackageDownloads {

    static final int CODE_ATTEMPTS = 5;

    private final AccessPackageRepository packages;
    private final AccessPackages contents;
    private final RequestRepository requests;
    private final RequestRecords records;
    private final RightsMail mail;
    private final AuditTrail audit;
    private final Catalogs catalogs;
    private final SiteTimes times;
    private final Clock clock;

    PackageDownloads(
            AccessPackageRepository packages,
            AccessPackages contents,
            RequestRepository requests,
            RequestRecords records,
            RightsMail mail,
            AuditTrail audit,
            Catalogs catalogs,
            SiteTimes times,
            Clock clock) {
        this.packages = packages;
        this.contents = contents;
        this.requests = requests;
        this.records = records;
        this.mail = mail;
        this.audit = audit;
        this.catalogs = catalogs;
        this.times = times;
        this.clock = clock;
    }

    /** What the link's page offers: which kind of copy, until when, how often it was downloaded. */
    /** What the download page says of a package; {@code jurisdiction} is its request's, whose clock the page reads. */
    record Offer(boolean portability, Instant availableUntil, int downloads, int attemptsLeft, String jurisdiction) {}

    /** A package being downloaded: its file name and bytes. */
    record Download(String fileName, String contentType, byte[] content) {}

    @Transactional(readOnly = true)
    Offer offer(String site, String token) {
        AccessPackageRepository.Stored stored = usable(site, token, false);
        RightsRequest request = requests.find(stored.request()).orElseThrow();
        return new Offer(
                request.type() == RightType.PORTABILITY,
                stored.expiresAt(),
                stored.downloads(),
                CODE_ATTEMPTS - stored.wrongCodes(),
                request.jurisdiction());
    }

    @Transactional(noRollbackFor = {InvalidInputException.class, UnusableLinkException.class})
    Download download(String site, String token, @Nullable String code) {
        AccessPackageRepository.Stored stored = usable(site, token, true);
        RightsRequest request = requests.find(stored.request()).orElseThrow();
        requireCode(site, stored, request, code);
        byte[] content = contents.open(stored).orElseThrow(() -> expired(site, stored));
        packages.downloaded(stored.id(), clock.instant());
        records.log(request, "downloaded", "requester", null);
        audit.record(new AuditEntry(
                "requester",
                "download-package",
                stored.subject().value(),
                site,
                List.of("access-package"),
                request.id().toString()));
        return portability(stored)
                ? new Download("steward-portability.json", "application/json", content)
                : new Download("steward-access.zip", "application/zip", content);
    }

    private void requireCode(
            String site, AccessPackageRepository.Stored stored, RightsRequest request, @Nullable String code) {
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        if (typed.isEmpty()) {
            throw new InvalidInputException(FieldError.of("code", "required", "error.rights.code.required"));
        }
        if (stored.codeHash() != null && MessageDigest.isEqual(stored.codeHash(), Tokens.hash(stored.id(), typed))) {
            return;
        }
        int wrong = packages.wrongCode(stored.id());
        if (wrong >= CODE_ATTEMPTS) {
            throw lock(site, stored, request);
        }
        int left = CODE_ATTEMPTS - wrong;
        throw new InvalidInputException(FieldError.of("code", "wrong-code", "error.rights.code.wrong-code-left", left));
    }

    /**
     * The link is spent; the copy goes on under a new link and code mailed to the address the request was verified
     * with. Only where that cannot be (the details or the content are gone) is the copy deleted, as it was before.
     */
    private UnusableLinkException lock(String site, AccessPackageRepository.Stored stored, RightsRequest request) {
        Optional<RequestDetails> details = records.details(request);
        Optional<AccessPackages.Released> fresh = details.isEmpty() ? Optional.empty() : contents.relink(stored);
        if (fresh.isEmpty()) {
            packages.lock(stored.id(), clock.instant());
            records.log(request, "package-locked", "requester", null);
            return unusable(site, EmailLinks.Reason.LOCKED, stored.expiresAt());
        }
        packages.replace(stored.id(), fresh.get().id(), clock.instant());
        records.log(request, "package-relinked", "requester", null);
        mail.packageRelinked(request, details.get().email(), fresh.get());
        return unusable(site, EmailLinks.Reason.LOCKED, null);
    }

    /** The package behind the link while it can be downloaded; otherwise why not, as a page. */
    private AccessPackageRepository.Stored usable(String site, String token, boolean forUpdate) {
        AccessPackageRepository.Stored stored = packages.byToken(Tokens.hash(token), site, forUpdate)
                .orElseThrow(() -> unusable(site, EmailLinks.Reason.UNKNOWN, null));
        return switch (AccessPackages.state(stored, clock.instant())) {
            case PackageSummary.LOCKED -> throw unusable(site, EmailLinks.Reason.LOCKED, stored.expiresAt());
            case PackageSummary.REPLACED -> throw unusable(site, EmailLinks.Reason.LOCKED, null);
            case PackageSummary.EXPIRED -> throw expired(site, stored);
            default -> stored;
        };
    }

    private boolean portability(AccessPackageRepository.Stored stored) {
        return requests.find(stored.request())
                .map(request -> request.type() == RightType.PORTABILITY)
                .orElse(false);
    }

    /** The day it expired, on the clock of its request's jurisdiction, as the download page told it. */
    private UnusableLinkException expired(String siteKey, AccessPackageRepository.Stored stored) {
        String jurisdiction =
                requests.find(stored.request()).map(RightsRequest::jurisdiction).orElse(null);
        String day = times.day(
                stored.expiresAt(), catalogs.requireSite(siteKey), jurisdiction, LocaleContextHolder.getLocale());
        return page(siteKey, EmailLinks.Reason.EXPIRED, Phrase.of("link.package.expired", day));
    }

    private UnusableLinkException unusable(String siteKey, EmailLinks.Reason reason, @Nullable Instant expiresAt) {
        // a locked link without a day is one whose copy went on under a new link
        Phrase detail = reason == EmailLinks.Reason.LOCKED
                ? Phrase.of(expiresAt == null ? "link.package.replaced" : "link.package.locked")
                : null;
        return page(siteKey, reason, detail);
    }

    private UnusableLinkException page(String siteKey, EmailLinks.Reason reason, @Nullable Phrase detail) {
        Site site = catalogs.requireSite(siteKey);
        return new UnusableLinkException(new UnusableLinkException.Page(
                reason,
                siteKey,
                site.name().in(site.language()),
                detail,
                "/s/" + siteKey + "/privacy-center",
                Phrase.of("link.next.privacy-center")));
    }
}
