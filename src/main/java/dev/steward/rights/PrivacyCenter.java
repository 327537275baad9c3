package dev.steward.rights;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.RegionNames;
import dev.steward.catalog.RightType;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.intake.MisuseGuard;
import dev.steward.platform.EmailAddresses;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.RateLimitedException;
import dev.steward.vault.ClaimedIdentifier;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a visitor exercises their rights without contacting anyone by hand: they choose a right, prove the address is
 * theirs with a single-use, expiring link or code, and follow the request on its own page. Withdrawal, objection,
 * restriction and the list of recipients are carried out as soon as the request is verified; the other rights go to
 * the staff queue with their deadline.
 */
@Service
public class PrivacyCenter {

    static final Duration VERIFICATION_VALID = Duration.ofHours(24);
    static final int MAX_UNVERIFIED = 3;

    private final Catalogs catalogs;
    private final RequestValidator validator;
    private final RequestRepository requests;
    private final RequestRecords records;
    private final RequestVerification verification;
    private final Fulfilment fulfilment;
    private final RightsMail mail;
    private final Identities identities;
    private final MisuseGuard guard;
    private final Clock clock;

    PrivacyCenter(
            Catalogs catalogs,
            RequestValidator validator,
            RequestRepository requests,
            RequestRecords records,
            RequestVerification verification,
            Fulfilment fulfilment,
            RightsMail mail,
            Identities identities,
            MisuseGuard guard,
            Clock clock) {
        this.guard = guard;
        this.catalogs = catalogs;
        this.validator = validator;
        this.requests = requests;
        this.records = records;
        this.verification = verification;
        this.fulfilment = fulfilment;
        this.mail = mail;
        this.identities = identities;
        this.clock = clock;
    }

    /** A request just submitted: where to follow it (the raw status token, shown once). */
    public record Submitted(UUID id, String statusToken, RequestStatus status) {}

    /** A request from {@code ipAddress} (null where unknown), to be confirmed by mail. */
    @Transactional
    public Submitted submit(String siteKey, NewRequest input, @Nullable String ipAddress) {
        return submit(siteKey, input, null, null, ipAddress);
    }

    /**
     * A request from a visitor signed in to their account who typed their password recently ({@code account}): when
     * the address given is their own, the sign-in proves it and no mail round trip is needed (seed 000 §4).
     * {@code provenHere} is the address the visitor proved in this browser a moment ago (see {@link VerifiedAddresses}):
     * a request for that same address is confirmed by that proof. Any other request mails the address, so it takes
     * from the sender's buckets the forms use ({@link MisuseGuard}), per IP address and per e-mail address.
     */
    @Transactional
    public Submitted submit(
            String siteKey,
            NewRequest input,
            @Nullable SubjectId account,
            @Nullable String provenHere,
            @Nullable String ipAddress) {
        Catalog catalog = catalogs.of(siteKey);
        Site site = catalog.site(siteKey).orElseThrow();
        Jurisdiction jurisdiction = jurisdiction(catalog, site, input.region());
        RequestValidator.Valid valid = validator.check(catalog, site, jurisdiction, input);
        Identifier email = Identifier.email(valid.details().email());
        byte[] emailIndex = identities.blindIndexOf(email);
        byte[] mailboxIndex = identities.blindIndexOf(Identifier.email(EmailAddresses.mailbox(email.value())));
        // a signed-in account whose address is proven needs no mail round trip; anyone else is a requester of their
        // own until the link or code proves the address
        boolean signedIn = account != null && identities.proven(account, email);
        boolean proven =
                signedIn || (provenHere != null && Identifier.email(provenHere).equals(email));
        if (!proven) {
            guard.admit(ipAddress, email).ifPresent(wait -> {
                throw new RateLimitedException(wait);
            });
            requireFewUnverified(mailboxIndex);
        }
        SubjectId subject = signedIn ? account : identities.newSubject(List.of(ClaimedIdentifier.of(email)));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RightsRequest request = new RightsRequest(
                UUID.randomUUID(),
                site.key(),
                jurisdiction.key(),
                valid.type(),
                RequestStatus.AWAITING_VERIFICATION,
                subject,
                now,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                VisitorLanguages.of(site));
        String statusToken = Tokens.token();
        String verificationToken = Tokens.token();
        String code = Tokens.code();
        requests.insert(
                request,
                emailIndex,
                mailboxIndex,
                records.seal(request, valid.details()),
                Tokens.hash(statusToken),
                new RequestRepository.Verification(
                        Tokens.hash(verificationToken), Tokens.hash(request.id(), code), now.plus(VERIFICATION_VALID)));
        records.log(request, "submitted", "requester", null);
        if (signedIn) {
            return new Submitted(
                    request.id(),
                    statusToken,
                    verification.received(request, "account", statusToken).status());
        }
        if (proven) {
            return new Submitted(
                    request.id(),
                    statusToken,
                    verification.received(request, "requester", statusToken).status());
        }
        mail.verify(request, valid.details().email(), verificationToken, code, statusToken);
        return new Submitted(request.id(), statusToken, request.status());
    }

    /**
     * Each submission mails the address, so a stranger could flood someone's mailbox; a few unconfirmed requests at a
     * time are enough for anyone who lost a mail. A request cancelled for wrong codes still counts until it would have
     * expired, or guessing and filing again would mail the address every five guesses.
     */
    private void requireFewUnverified(byte[] mailboxIndex) {
        requests.lockAddress(mailboxIndex);
        long waiting =
                requests.awaitingVerification(mailboxIndex, clock.instant().minus(VERIFICATION_VALID));
        if (waiting >= MAX_UNVERIFIED) {
            throw new InvalidInputException(FieldError.of(
                    "email",
                    "too-many-unverified",
                    "error.rights.email.too-many-unverified",
                    VERIFICATION_VALID.toHours()));
        }
    }

    /** The link from the verification mail, used (by its page's button, or through the API). */
    @Transactional
    public RightsRequest verifyLink(String site, String token) {
        return verification.verifyLink(site, token);
    }

    /** The verification link's owner did not ask: the request ends ({@link RequestVerification#decline}). */
    @Transactional
    public RightsRequest declineLink(String site, String token) {
        return verification.decline(site, token);
    }

    /**
     * The code from the verification mail, typed on the request's page or sent to the API from {@code ipAddress} (null
     * where unknown): each attempt takes from the IP address's bucket of the forms ({@link MisuseGuard}).
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    public RightsRequest verifyCode(String statusToken, String code, @Nullable String ipAddress) {
        guard.admit(ipAddress, null).ifPresent(wait -> {
            throw new RateLimitedException(wait);
        });
        return verification.verifyCode(byStatusToken(statusToken), code);
    }

    public RightsRequest byStatusToken(String statusToken) {
        return requests.byStatusToken(Tokens.hash(statusToken))
                .orElseThrow(() -> new NotFoundException("There is no request at this address."));
    }

    /** What a request's page shows: the request, its history and the recipients told of it. */
    public record View(RightsRequest request, List<RequestEvent> history, List<RecipientNotice> recipientsTold) {}

    public View view(String statusToken) {
        RightsRequest request = byStatusToken(statusToken);
        return new View(request, records.history(request), fulfilment.recipientsTold(request));
    }

    /**
     * Rights that need no request: the answer is the catalog's statement or authority; {@code website} is the
     * authority's, which the answer ends with, for a page to link.
     */
    public record DirectAnswer(
            RightType type,
            String title,
            String answer,
            @Nullable String website) {

        /** The answer without the website it ends with, for a page that links the website below it. */
        public String answerBeforeWebsite() {
            return website != null && answer.endsWith("\n" + website)
                    ? answer.substring(0, answer.length() - website.length() - 1)
                    : answer;
        }
    }

    public Optional<DirectAnswer> directAnswer(String siteKey, @Nullable String region, RightType type) {
        Catalog catalog = catalogs.of(siteKey);
        Site site = catalog.site(siteKey).orElseThrow();
        Jurisdiction jurisdiction = jurisdiction(catalog, site, region);
        if (!jurisdiction.grants(type)) {
            return Optional.empty();
        }
        String title = jurisdiction.rights().stream()
                .filter(r -> r.type() == type)
                .findFirst()
                .orElseThrow()
                .title()
                .in(VisitorLanguages.of(site));
        return switch (type) {
            case AUTOMATED_DECISIONS ->
                Optional.ofNullable(jurisdiction.automatedDecisions())
                        .map(statement -> new DirectAnswer(type, title, statement.in(VisitorLanguages.of(site)), null));
            case COMPLAINT ->
                Optional.ofNullable(jurisdiction.supervisoryAuthority())
                        .map(authority -> new DirectAnswer(
                                type,
                                title,
                                authority.name()
                                        + (authority.address() == null ? "" : "\n" + authority.address())
                                        + (authority.website() == null ? "" : "\n" + authority.website()),
                                authority.website()));
            default -> Optional.empty();
        };
    }

    Jurisdiction jurisdiction(Catalog catalog, Site site, @Nullable String region) {
        String key = region == null || region.isBlank()
                ? site.defaultJurisdiction()
                : region.strip().toUpperCase();
        if (!site.jurisdictions().contains(key)) {
            throw RegionNames.notServed(catalog, site);
        }
        return catalog.jurisdiction(key).orElseThrow();
    }
}
