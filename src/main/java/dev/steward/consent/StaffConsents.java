package dev.steward.consent;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditRecord;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.staff.Caller;
import dev.steward.staff.Permission;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff read a subject's consents and record one on the person's behalf (a letter, a call): with a reason, written to
 * the audit trail, and in the ledger as collected by {@link CollectionMethod#STAFF_ON_BEHALF} with the audit entry as
 * its evidence. Only on the sites the member may see; another site's is "not found".
 */
@Service
class StaffConsents {

    /** What staff may record for a person: never a confirmation, renewal or lapse, which have their own paths. */
    static final List<ConsentAction> ON_BEHALF =
            List.of(ConsentAction.WITHDRAWN, ConsentAction.OBJECTED, ConsentAction.GIVEN);

    static final int MAX_REASON = 200;

    private final ConsentLedger ledger;
    private final AuditTrail audit;
    private final Catalogs catalogs;
    private final Vault vault;
    private final ConsentIndex index;

    StaffConsents(ConsentLedger ledger, AuditTrail audit, Catalogs catalogs, Vault vault, ConsentIndex index) {
        this.index = index;
        this.ledger = ledger;
        this.audit = audit;
        this.catalogs = catalogs;
        this.vault = vault;
    }

    /** What the member records: the fields of the console's form, as typed. */
    record OnBehalf(
            @Nullable String site,
            @Nullable String purpose,
            @Nullable String action,
            @Nullable String wording,
            @Nullable String reason) {}

    /**
     * An event with the connection kept as its evidence (seed 001 §3.4: the IP address and time of registration and
     * of confirmation prove a subscription), decrypted only for those who may read it: auditors check evidence
     * without reading personal data.
     */
    record Entry(
            @JsonUnwrapped ConsentEvent event,
            @Nullable String ipAddress,
            @Nullable String userAgent) {}

    /** The subject's consent events on the sites the member may see, oldest first; the read is audited. */
    @Transactional
    List<Entry> history(SubjectId subject, Caller staff, @Nullable String reason) {
        boolean evidence = staff.may(Permission.READ_CONSENT_EVIDENCE);
        List<Entry> events = ledger.history(subject).stream()
                .filter(event -> staff.maySee(event.site()))
                .map(event -> entry(event, evidence))
                .toList();
        audit.record(new AuditEntry(
                staff.name(),
                "read-consent-history",
                subject.value(),
                null,
                evidence ? List.of("consents", "consent-evidence") : List.of("consents"),
                reason));
        return events;
    }

    private Entry entry(ConsentEvent event, boolean evidence) {
        Optional<ConsentLedger.Evidence> kept = evidence ? ledger.evidence(event) : Optional.empty();
        return new Entry(
                event,
                kept.map(ConsentLedger.Evidence::ipAddress).orElse(null),
                kept.map(ConsentLedger.Evidence::userAgent).orElse(null));
    }

    @Transactional
    ConsentEvent record(SubjectId subject, OnBehalf request, Caller staff) {
        if (!vault.exists(subject)) {
            throw new NotFoundException("There is no subject " + subject + ".");
        }
        if (request.site() == null || catalogs.site(request.site()).isEmpty() || !staff.maySee(request.site())) {
            throw new NotFoundException("Nothing here for site '" + request.site() + "'.");
        }
        // a member of some sites speaks only for their sites' people, the ones their person page finds: a consent they
        // recorded for someone of another site (by id) made that person theirs, and the page then named every
        // identifier of theirs (attack22)
        if (!staff.sites().isEmpty()
                && staff.sites().stream().allMatch(site -> index.ofKnownOnInLedger(subject, site) == null)) {
            throw new NotFoundException("There is nobody with this id on your sites.");
        }
        ConsentAction action = checked(request);
        AuditRecord entry = audit.record(new AuditEntry(
                staff.name(),
                "record-consent-on-behalf",
                subject.value(),
                request.site(),
                List.of("consent:" + request.purpose() + ":" + action.key()),
                request.reason().strip()));
        return ledger.record(
                ConsentRequest.of(subject, request.site(), request.purpose(), action, CollectionMethod.STAFF_ON_BEHALF)
                        .withWording(blankToNull(request.wording()))
                        .withEvidence(ConsentEvent.RECORDED_ON_BEHALF + entry.id(), false));
    }

    /** The purposes the site declares, which are those a consent may be recorded for. */
    List<String> purposesOf(String site) {
        Catalog catalog = catalogs.of(site);
        Set<String> keys = new LinkedHashSet<>();
        catalog.activitiesOf(site).forEach(activity -> keys.addAll(activity.purposes()));
        catalog.formsOf(site).forEach(form -> form.consents().forEach(box -> keys.add(box.purpose())));
        return List.copyOf(keys);
    }

    /** The sites the member may record consents on. */
    List<Site> sitesFor(Caller staff) {
        return catalogs.sites().stream()
                .filter(site -> staff.maySee(site.key()))
                .toList();
    }

    private static ConsentAction checked(OnBehalf request) {
        List<FieldError> errors = new ArrayList<>();
        ConsentAction action = ON_BEHALF.stream()
                .filter(candidate -> candidate.key().equals(request.action()))
                .findFirst()
                .orElse(null);
        if (action == null) {
            errors.add(FieldError.of("action", "invalid", "error.consent.action.invalid"));
        }
        if (request.purpose() == null || request.purpose().isBlank()) {
            errors.add(FieldError.of("purpose", "required", "error.consent.purpose.required"));
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            errors.add(FieldError.of("reason", "required", "error.consent.reason.required"));
        } else if (reason.length() > MAX_REASON) {
            errors.add(FieldError.of("reason", "too-long", "error.common.reason.too-long", MAX_REASON));
        }
        if (action == ConsentAction.GIVEN && blankToNull(request.wording()) == null) {
            errors.add(FieldError.of("wording", "required", "error.consent.wording.required.2"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return action;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
