package dev.steward.consent;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.consent.ConsentCsvFile.Line;
import dev.steward.notice.PublishedNotices;
import dev.steward.platform.EmailAddresses;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.vault.Identifier;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks each line of the consent import file ({@link ConsentCsvFile}) as the ledger would check the consent it
 * records: every value against the catalog, the notices and the ledger's rules, each problem reported at its line and
 * column, in messages that never repeat a value that may be personal (addresses, wording). Lines may be checked on
 * several threads at once.
 */
final class ConsentCsv {

    /** Ways of collecting that only Steward itself records: an import can claim neither. */
    private static final java.util.Set<Object> STEWARDS_OWN =
            java.util.Set.of(CollectionMethod.SYSTEM, CollectionMethod.STAFF_ON_BEHALF);

    /** Clocks of other systems run a little ahead; an action further in the future is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Catalogs catalogs;
    private final PublishedNotices notices;
    private final Clock clock;
    private final ErrorWords errorWords;
    private final ConsentCsvFile file;
    private final Map<String, String> noticeInForce = new ConcurrentHashMap<>();

    ConsentCsv(ConsentCsvFile file, Catalogs catalogs, PublishedNotices notices, Clock clock, ErrorWords errorWords) {
        this.file = file;
        this.errorWords = errorWords;
        this.catalogs = catalogs;
        this.notices = notices;
        this.clock = clock;
    }

    /** One valid line: everything of the consent request but the subject, found or created when writing. */
    record Row(int line, int emailColumn, Identifier email, ConsentRequest request) {

        ConsentRequest of(SubjectId subject) {
            return new ConsentRequest(
                    subject,
                    request.site(),
                    request.purpose(),
                    request.activity(),
                    request.action(),
                    request.method(),
                    request.wording(),
                    request.noticeVersion(),
                    request.jurisdiction(),
                    request.byParent(),
                    request.evidenceRef(),
                    request.ipAddress(),
                    request.userAgent(),
                    request.occurredAt());
        }
    }

    /** The line's consent, or none when the line is blank or has a problem (reported to the file). */
    Optional<Row> row(CsvRecords.Record record) {
        return file.line(record).flatMap(this::consent);
    }

    private Optional<Row> consent(Line at) {
        Optional<Site> site = site(at);
        ConsentAction action = parse(at, "action", ConsentAction.class, null);
        CollectionMethod method = parse(at, "method", CollectionMethod.class, CollectionMethod.IMPORT);
        Instant occurredAt = occurredAt(at);
        String email = at.text("email");
        if (email == null || !EmailAddresses.valid(email.strip())) {
            at.problem("email", "not an e-mail address");
        }
        String jurisdiction = site.map(
                        s -> checked(at, "jurisdiction", () -> ConsentRules.jurisdiction(s, at.text("jurisdiction"))))
                .orElse(null);
        site.ifPresent(s -> checked(
                at,
                "purpose",
                () -> ConsentRules.declaredPurpose(
                        catalogs.of(s.key()), s.key(), String.valueOf(at.text("purpose")), at.text("activity"))));
        if (action != null) {
            checked(at, file.has("wording") ? "wording" : "action", () -> {
                ConsentRules.requireWording(action, at.text("wording"));
                return action;
            });
        }
        String evidenceRef = at.text("evidence_ref");
        if (evidenceRef != null && ConsentEvent.stewardsOwn(evidenceRef)) {
            at.problem(
                    "evidence_ref",
                    "a reference starting 'api-key:' or 'audit:' is Steward's own (a consent an integrator relayed, one"
                            + " staff recorded on the person's behalf); give the reference of your own evidence");
        }
        String noticeVersion = site.map(s -> noticeVersion(at, s)).orElse(null);
        Boolean byParent = byParent(at);
        if (at.failed()) {
            return Optional.empty();
        }
        return Optional.of(new Row(
                at.number(),
                at.column("email"),
                Identifier.email(email),
                new ConsentRequest(
                        null,
                        site.orElseThrow().key(),
                        at.text("purpose"),
                        at.text("activity"),
                        action,
                        method,
                        at.text("wording"),
                        noticeVersion,
                        jurisdiction,
                        byParent,
                        evidenceRef,
                        at.text("ip_address"),
                        at.text("user_agent"),
                        occurredAt)));
    }

    private Optional<Site> site(Line at) {
        String key = at.text("site");
        Optional<Site> site = key == null ? Optional.empty() : catalogs.site(key);
        if (site.isEmpty()) {
            at.problem(
                    "site",
                    "no site '" + key + "' in the catalog; the sites are "
                            + catalogs.sites().stream().map(Site::key).toList());
        }
        return site;
    }

    private @Nullable Instant occurredAt(Line at) {
        String text = at.text("occurred_at");
        try {
            Instant instant = OffsetTimes.parse(String.valueOf(text));
            if (instant.isAfter(clock.instant().plus(CLOCK_SKEW))) {
                at.problem("occurred_at", "lies in the future");
            }
            return instant;
        } catch (DateTimeParseException e) {
            at.problem("occurred_at", "not an ISO-8601 time with offset, such as 2025-05-01T10:15:00Z");
            return null;
        }
    }

    private @Nullable String noticeVersion(Line at, Site site) {
        String given = at.text("notice_version");
        if (given == null) {
            return checked(
                    at,
                    "site",
                    () -> noticeInForce.computeIfAbsent(
                            site.key(), key -> notices.inForce(key).version()));
        }
        return checked(
                at, "notice_version", () -> notices.version(site.key(), given).version());
    }

    private @Nullable Boolean byParent(Line at) {
        String text = at.text("by_parent");
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        at.problem("by_parent", "must be true or false");
        return null;
    }

    private <E extends Enum<E>> @Nullable E parse(Line at, String column, Class<E> type, @Nullable E absent) {
        String text = at.text(column);
        if (text == null && absent != null) {
            return absent;
        }
        try {
            E value = Enum.valueOf(
                    type, String.valueOf(text).toUpperCase(Locale.ROOT).replace('-', '_'));
            if (!STEWARDS_OWN.contains(value)) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the values allowed
        }
        at.problem(
                column,
                "'" + text + "' is not one of "
                        + java.util.Arrays.stream(type.getEnumConstants())
                                .filter(constant -> !STEWARDS_OWN.contains(constant))
                                .map(constant ->
                                        constant.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                                .toList());
        return null;
    }

    private <T> @Nullable T checked(Line at, String column, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> at.problem(column(error.field(), column), errorWords.english(error)));
            return null;
        } catch (NotFoundException e) {
            at.problem(column, e.getMessage());
            return null;
        }
    }

    private static String column(@Nullable String field, String fallback) {
        return "activity".equals(field) ? "activity" : fallback;
    }
}
