package dev.steward.notice;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Contact;
import dev.steward.catalog.Controller;
import dev.steward.catalog.Cookie;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Recipient;
import dev.steward.catalog.RetentionRule;
import dev.steward.catalog.Site;
import dev.steward.catalog.TextBlock;
import dev.steward.notice.NoticeFacts.ActivityFacts;
import dev.steward.notice.NoticeFacts.ChildrenFacts;
import dev.steward.notice.NoticeFacts.ConsentFacts;
import dev.steward.notice.NoticeFacts.ContactFacts;
import dev.steward.notice.NoticeFacts.ControllerFacts;
import dev.steward.notice.NoticeFacts.CookieFacts;
import dev.steward.notice.NoticeFacts.FieldFacts;
import dev.steward.notice.NoticeFacts.GroundFacts;
import dev.steward.notice.NoticeFacts.LegalBasisFacts;
import dev.steward.notice.NoticeFacts.MeasureFacts;
import dev.steward.notice.NoticeFacts.PurposeFacts;
import dev.steward.notice.NoticeFacts.RepresentativeFacts;
import dev.steward.notice.NoticeFacts.RetentionFacts;
import dev.steward.notice.NoticeFacts.RightFacts;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Resolves what a site's notice says in one region and one language from the site's catalog. A text the catalog
 * does not give in the language is taken in the site's default language, and counted, so that the page can say so.
 */
final class NoticeComposer {

    private final Catalog catalog;
    private final Site site;
    private final Jurisdiction jurisdiction;
    private final NoticeTexts texts;
    private final NoticeRecipients recipients;

    NoticeComposer(Catalog catalog, Site site, Jurisdiction jurisdiction) {
        this(catalog, site, jurisdiction, site.language());
    }

    NoticeComposer(Catalog catalog, Site site, Jurisdiction jurisdiction, String language) {
        this.catalog = catalog;
        this.site = site;
        this.jurisdiction = jurisdiction;
        this.texts = new NoticeTexts(site, language);
        this.recipients = new NoticeRecipients(catalog, site, jurisdiction, texts);
    }

    /** How many texts of the last {@link #compose()} were missing in the language and shown in the default. */
    int untranslated() {
        return texts.untranslated();
    }

    /** Those of them that the cookie policy shows. */
    int untranslatedInCookiePolicy() {
        return texts.untranslatedInCookiePolicy();
    }

    /** The languages of the texts of the last {@link #compose()} shown in another language than the page's. */
    PartLanguages partLanguages() {
        return texts.partLanguages();
    }

    NoticeFacts compose() {
        List<ProcessingActivity> activities = catalog.activitiesOf(site.key());
        List<Recipient> recipients = this.recipients.of(activities);
        return new NoticeFacts(
                site.key(),
                inCookiePolicy(() -> text(site.name())),
                site.baseUrl(),
                jurisdiction.key(),
                text(jurisdiction.name()),
                jurisdiction.regime().name(),
                site.jurisdictions(),
                text(site.notice().title()),
                site.notice().version(),
                site.notice().effective(),
                site.notice().lastModified(),
                lower(site.notice().significance()),
                controller(catalog.controllerOf(site)),
                text(jurisdiction.introduction()),
                purposes(activities),
                activities.stream().map(this::activity).toList(),
                this.recipients.facts(recipients),
                this.recipients.transfers(recipients),
                this.recipients.storage(),
                rights(),
                contact(jurisdiction.supervisoryAuthority()),
                text(jurisdiction.automatedDecisions()),
                children(),
                catalog.securityMeasuresOf(site.key()).stream()
                        .map(measure -> new MeasureFacts(text(measure.name()), text(measure.description())))
                        .toList(),
                inCookiePolicy(() ->
                        catalog.cookiesOf(site.key()).stream().map(this::cookie).toList()),
                site.sellsPersonalData(),
                site.notice().changeNoticePeriod() == null
                        ? null
                        : site.notice().changeNoticePeriod().toString(),
                texts());
    }

    private ControllerFacts controller(Controller controller) {
        return new ControllerFacts(
                controller.legalName(),
                controller.shortName(),
                controller.address(),
                controller.phone(),
                controller.fax(),
                controller.email(),
                controller.website(),
                contact(controller.dataProtectionOfficer()),
                controller.representatives().stream()
                        .map(rep -> new RepresentativeFacts(
                                rep.region(),
                                text(rep.title()),
                                rep.name(),
                                rep.shortName(),
                                rep.address(),
                                rep.phone(),
                                rep.fax(),
                                rep.email()))
                        .toList());
    }

    private @Nullable ContactFacts contact(@Nullable Contact contact) {
        if (contact == null) {
            return null;
        }
        return new ContactFacts(contact.name(), contact.address(), contact.phone(), contact.email(), contact.website());
    }

    private List<PurposeFacts> purposes(List<ProcessingActivity> activities) {
        Set<String> keys = new LinkedHashSet<>();
        activities.forEach(activity -> keys.addAll(activity.purposes()));
        return keys.stream()
                .map(key -> catalog.purpose(key).orElseThrow())
                .map(purpose -> new PurposeFacts(
                        purpose.key(),
                        text(purpose.name()),
                        text(purpose.description()),
                        bases(purpose.basesIn(jurisdiction.key())),
                        purpose.directMarketing()))
                .toList();
    }

    private ActivityFacts activity(ProcessingActivity activity) {
        List<Purpose> purposes = catalog.purposesOf(activity);
        List<LegalBasis> bases = purposes.stream()
                .flatMap(purpose -> purpose.basesIn(jurisdiction.key()).stream())
                .distinct()
                .toList();
        boolean consentBased = bases.stream().anyMatch(LegalBasis::isConsent);
        ProcessingActivity.ConsentWording wording = activity.consent();
        return new ActivityFacts(
                activity.key(),
                text(activity.name()),
                text(activity.description()),
                purposes.stream().map(purpose -> text(purpose.name())).toList(),
                bases(bases),
                activity.dataSubjects().stream().map(this::text).toList(),
                activity.fields().stream().map(this::field).toList(),
                activity.recipients().stream()
                        .map(key -> text(catalog.recipient(key).orElseThrow().name()))
                        .toList(),
                retention(catalog.retentionRule(activity.retention()).orElseThrow()),
                text(activity.retentionStatement()),
                consentBased && wording != null
                        ? new ConsentFacts(text(wording.text()), text(wording.withdrawal()))
                        : null,
                activity.linkedToSubmittedData(),
                activity.usedForMarketing());
    }

    private FieldFacts field(ProcessingActivity.CollectedField collected) {
        String label = catalog.field(collected.field())
                .map(field -> text(field.label()))
                .orElseThrow();
        String category =
                catalog.categoryOf(collected.field()).map(c -> text(c.name())).orElseThrow();
        return new FieldFacts(collected.field(), label, category, collected.voluntary());
    }

    private RetentionFacts retention(RetentionRule rule) {
        String minimum =
                rule.statutoryMinimum() == null ? null : rule.statutoryMinimum().toString();
        return new RetentionFacts(rule.rule().toString(), text(rule.description()), minimum);
    }

    private List<LegalBasisFacts> bases(List<LegalBasis> bases) {
        return bases.stream()
                .map(basis -> new LegalBasisFacts(basis.key(), basis.citation(), basis.description()))
                .toList();
    }

    private List<RightFacts> rights() {
        return jurisdiction.rights().stream()
                .map(right -> new RightFacts(
                        lower(right.type()),
                        text(right.title()),
                        right.article(),
                        text(right.text()),
                        right.grounds().stream()
                                .map(ground -> new GroundFacts(ground.key(), text(ground.text())))
                                .toList()))
                .toList();
    }

    private @Nullable ChildrenFacts children() {
        Jurisdiction.AgeGate gate = jurisdiction.ageGate();
        if (gate == null) {
            return null;
        }
        return new ChildrenFacts(gate.minimumAge(), lower(gate.belowAge()), text(gate.notice()));
    }

    private CookieFacts cookie(Cookie cookie) {
        return new CookieFacts(
                cookie.key(),
                cookie.name(),
                lower(cookie.kind()),
                cookie.provider(),
                lower(cookie.party()),
                lower(cookie.category()),
                cookie.duration(),
                text(cookie.purpose()),
                text(cookie.collects()),
                cookie.optOutUrl(),
                text(cookie.optOutLabel()));
    }

    private Map<String, List<String>> texts() {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        for (TextBlock.Section section : TextBlock.Section.values()) {
            Supplier<List<String>> blocks = () -> catalog.textsOf(site.key(), section, jurisdiction.key()).stream()
                    .map(block -> text(block.markdown()))
                    .toList();
            texts.put(lower(section), section == TextBlock.Section.COOKIES ? inCookiePolicy(blocks) : blocks.get());
        }
        return texts;
    }

    private @Nullable String text(@Nullable LocalizedText text) {
        return texts.text(text);
    }

    private <T> T inCookiePolicy(Supplier<T> part) {
        return texts.inCookiePolicy(part);
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static List<String> regionsOf(Site site) {
        return Stream.concat(Stream.of(site.defaultJurisdiction()), site.jurisdictions().stream())
                .distinct()
                .toList();
    }
}
