package dev.steward.consent;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Controller;
import dev.steward.catalog.Countries;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Recipient;
import dev.steward.catalog.Site;
import dev.steward.platform.StewardProperties;
import dev.steward.vault.Signatures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Issues the signed receipt of a consent event: a JWS whose claims follow the Kantara Consent Receipt v1.1 names,
 * with the further ISO/IEC TS 27560 consent-record elements (legal basis, recipients, retention, withdrawal, state).
 * It names the person only by their random subject id.
 */
@Component
class ConsentReceipts {

    static final String TYPE = "consent-receipt+jwt";

    private final Catalogs catalogs;
    private final Signatures signatures;
    private final StewardProperties properties;
    private final MessageSource messages;

    ConsentReceipts(Catalogs catalogs, Signatures signatures, StewardProperties properties, MessageSource messages) {
        this.catalogs = catalogs;
        this.signatures = signatures;
        this.properties = properties;
        this.messages = messages;
    }

    String issue(ConsentEvent event) {
        return signatures.sign(TYPE, claims(event));
    }

    Map<String, Object> claims(ConsentEvent event) {
        Catalog catalog = catalogs.of(event.site());
        Site site = catalog.site(event.site()).orElseThrow();
        Purpose purpose = catalog.purpose(event.purpose()).orElseThrow();
        Optional<ProcessingActivity> activity = activityOf(catalog, event);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("version", "KI-CR-v1.1.0");
        claims.put("schema", "ISO/IEC TS 27560:2023 consent record");
        claims.put("consentReceiptID", event.id().toString());
        claims.put("jurisdiction", event.jurisdiction());
        claims.put("consentTimestamp", event.occurredAt().getEpochSecond());
        claims.put("iat", event.occurredAt().getEpochSecond());
        claims.put("eventTime", event.occurredAt().toString());
        claims.put("collectionMethod", event.method());
        // the catalog's texts in the language the person read them in (where the catalog has it), as the claim says
        String language = event.noticeLanguage() != null ? event.noticeLanguage() : site.language();
        claims.put("language", language);
        claims.put("piiPrincipalId", event.subject().toString());
        claims.put("piiControllers", List.of(controller(catalog.controllerOf(site), site)));
        claims.put(
                "policyUrl",
                properties.publicUrl() + "/s/" + site.key() + "/privacy/v/" + event.noticeVersion()
                        + (event.noticeLanguage() == null ? "" : "?lang=" + event.noticeLanguage()));
        claims.put("noticeVersion", event.noticeVersion());
        claims.put("noticeSha256", event.noticeSha256());
        claims.put("services", List.of(service(catalog, site, language, purpose, activity, event)));
        claims.put("sensitive", activity.map(a -> sensitive(catalog, a)).orElse(false));
        claims.put("spiCat", List.of());
        claims.put("state", event.action().key());
        claims.put("byParent", event.byParent());
        claims.put("wordingSha256", event.wordingSha256());
        claims.put("withdrawalMethod", withdrawal(activity, site, language));
        claims.put(
                "expires", event.expiresAt() == null ? null : event.expiresAt().toString());
        claims.put("ledger", Map.of("chain", ConsentEventRepository.CHAIN, "seq", event.seq()));
        claims.values().removeIf(Objects::isNull);
        return claims;
    }

    private static Map<String, Object> controller(Controller controller, Site site) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("piiController", controller.legalName());
        claims.put("contact", controller.shortName());
        claims.put("address", controller.address());
        claims.put("email", controller.email());
        claims.put("phone", controller.phone());
        claims.put("piiControllerUrl", site.baseUrl());
        claims.values().removeIf(Objects::isNull);
        return claims;
    }

    private Map<String, Object> service(
            Catalog catalog,
            Site site,
            String language,
            Purpose purpose,
            Optional<ProcessingActivity> activity,
            ConsentEvent event) {
        List<Recipient> recipients = activity.map(a -> a.recipients().stream()
                        .map(key -> catalog.recipient(key).orElseThrow())
                        .toList())
                .orElse(List.of());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("purpose", purpose.name().in(language, site.language()));
        claims.put("purposeKey", purpose.key());
        claims.put(
                "legalBasis",
                purpose.basesIn(event.jurisdiction()).stream()
                        .map(b -> b.citation())
                        .toList());
        claims.put("consentType", "EXPLICIT");
        claims.put(
                "piiCategory",
                activity.map(a -> categories(catalog, a, site, language)).orElse(List.of()));
        claims.put("primaryPurpose", true);
        claims.put(
                "termination",
                activity.flatMap(a -> catalog.retentionRule(a.retention()))
                        .map(rule -> rule.description().in(language, site.language()))
                        .orElse(null));
        claims.put("thirdPartyDisclosure", !recipients.isEmpty());
        claims.put(
                "thirdPartyName",
                recipients.stream()
                        .map(r -> r.name().in(language, site.language()))
                        .toList());
        claims.put(
                "recipients",
                recipients.stream().map(r -> recipient(r, site, language)).toList());
        claims.values().removeIf(Objects::isNull);
        Map<String, Object> service = new LinkedHashMap<>();
        service.put(
                "service",
                activity.map(a -> a.name().in(language, site.language()))
                        .orElse(site.name().in(language, site.language())));
        service.put("purposes", List.of(claims));
        return service;
    }

    private static Map<String, Object> recipient(Recipient recipient, Site site, String language) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("name", recipient.name().in(language, site.language()));
        claims.put("country", Countries.name(recipient.country()));
        if (recipient.safeguard() != null) {
            claims.put("safeguard", recipient.safeguard().citation());
        }
        return claims;
    }

    private static List<String> categories(Catalog catalog, ProcessingActivity activity, Site site, String language) {
        return activity.fields().stream()
                .map(field -> catalog.categoryOf(field.field()).orElseThrow())
                .distinct()
                .map(category -> category.name().in(language, site.language()))
                .toList();
    }

    private static boolean sensitive(Catalog catalog, ProcessingActivity activity) {
        return activity.fields().stream()
                .map(field -> catalog.categoryOf(field.field()).orElseThrow())
                .anyMatch(category -> category.sensitivity() == DataCategory.Sensitivity.SPECIAL);
    }

    /**
     * The catalog's way to withdraw followed by the privacy center's address; where the activity words none, Steward's
     * own sentence in the receipt's language (English where the bundles have not that language). A receipt is signed
     * once and kept, so the receipts issued before keep their words and their signatures.
     */
    private String withdrawal(Optional<ProcessingActivity> activity, Site site, String language) {
        String center = properties.publicUrl() + "/s/" + site.key() + "/privacy-center";
        return activity.map(ProcessingActivity::consent)
                .filter(Objects::nonNull)
                .map(wording -> wording.withdrawal().in(language, site.language()) + " " + center)
                .orElseGet(() -> messages.getMessage(
                        "receipt.withdrawal.anyTime", new Object[] {center}, Locale.forLanguageTag(language)));
    }

    /** The activity the event names, or the site's first activity that serves the purpose. */
    static Optional<ProcessingActivity> activityOf(Catalog catalog, ConsentEvent event) {
        if (event.activity() != null) {
            return catalog.activity(event.activity());
        }
        return catalog.activitiesOf(event.site()).stream()
                .filter(activity -> activity.purposes().contains(event.purpose()))
                .findFirst();
    }
}
