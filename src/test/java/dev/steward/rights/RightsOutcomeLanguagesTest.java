package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.catalog.SiteTimes;
import dev.steward.catalog.Span;
import dev.steward.test.Canary;
import dev.steward.test.Json;
import dev.steward.test.LabTestBase;
import dev.steward.test.StewardTest;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import dev.steward.wording.MachineWords;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The answer to a rights request speaks the language the requester asked in, whatever the staff member's browser
 * says: its sentences come from the message bundles, its days are the site's, in that language, and it names
 * processing activities by their labels (the site's default language where the catalog has no translation, which
 * the answer says), never by a key, an enum constant or an ISO timestamp. So does the access package's summary.
 */
@StewardTest
class RightsOutcomeLanguagesTest extends LabTestBase {

    @Autowired
    Vault vault;

    @Autowired
    Catalogs catalogs;

    @Autowired
    SiteTimes times;

    @Autowired
    AccessExport exports;

    MachineWords machine;

    @BeforeEach
    void setUp() {
        machine = MachineWords.of(catalogs);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "de | Ihre Anfrage ist beantwortet | Wir haben einen Ihrer Datensätze gelöscht."
                        + " | - Invoicing, erhoben am %s: | Das Gesetz verpflichtet uns, die Daten 10 Jahre ab der Erhebung"
                        + " aufzubewahren. Wir bewahren sie bis zum"
                        + " | Wir haben die 2 Empfänger Ihrer Daten aufgefordert, sie ebenfalls zu löschen."
                        + " | nicht ins Deutsche übersetzt | Das Handelsrecht verlangt, Rechnungen zehn Jahre aufzubewahren.",
                "ja | ご請求に回答しました | お客様の記録のうち1件を消去しました。 | - Invoicing（%s取得）："
                        + " | 法令により取得から10年間の保管が義務付けられています。"
                        + " | お客様のデータの提供先2件にも消去を求めました。 | 日本語に翻訳されていないため"
                        // the catalog gives the reason in English and German only: Japanese reads the site's default
                        + " | Commercial law keeps invoices for ten years."
            })
    void anErasuresAnswerIsInTheRequestersLanguageWithTheSitesDaysAndTheActivitysLabel(
            String language,
            String subject,
            String erased,
            String activity,
            String statutory,
            String told,
            String untranslated,
            String reason) {
        SubjectId person = customers.customer("outcome-" + language);
        RecordSummary invoice = vault.records(person).stream()
                .filter(record -> record.activity().equals("invoicing"))
                .findFirst()
                .orElseThrow();
        String email = Canary.email("outcome-" + language);

        fulfil(requested("lab", "EU", email, "{\"type\":\"erasure\",\"grounds\":[\"consent-withdrawn\"]}", language));

        Site lab = catalogs.requireSite("lab");
        Locale locale = Locale.forLanguageTag(language);
        Instant keptUntil = Span.parse("P10Y").addTo(invoice.collectedAt()).minusNanos(1);
        String answer = inbox.newestTextTo(email);
        assertThat(inbox.newestTo(email).get("subjectLine").asString()).endsWith(subject);
        assertThat(answer)
                .contains(erased)
                .contains(activity.formatted(times.day(invoice.collectedAt(), lab, locale)))
                .contains(statutory)
                .contains(times.day(keptUntil, lab, locale))
                .contains(reason)
                .contains(told)
                .contains(untranslated)
                .doesNotContain("We erased")
                .doesNotContainPattern("(?<![\\w-])invoicing(?![\\w-])")
                .doesNotContainPattern("STATUTORY_MINIMUM|LEGAL_HOLD");
        assertThat(machine.in(answer)).isEmpty();
    }

    /**
     * Olympus keeps Tokyo's time: at 20:00 UTC it is already tomorrow there, so a day written in UTC would be one day
     * early. The package's mail and the summary staff read both count in Tokyo.
     */
    @Test
    void theDaysOfAnAnswerAreTheSitesEvenWhenUtcIsStillOnTheDayBefore() {
        Instant now = clock.instant();
        Instant evening = LocalDate.ofInstant(now, ZoneOffset.UTC).atTime(20, 0).toInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(now, evening.isAfter(now) ? evening : evening.plus(Duration.ofDays(1))));
        String email = Canary.email("outcome-tokyo");

        String id = requested("olympus-ims", "JP", email, "{\"type\":\"disclosure\"}", "en");
        Instant released = clock.instant().plusSeconds(1);
        fulfil(id);

        Site olympus = catalogs.requireSite("olympus-ims");
        Instant until = released.plus(AccessPackages.VALID_FOR);
        String tokyoDay = times.day(until, olympus, Locale.ENGLISH);
        String utcDay = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.ENGLISH)
                .withZone(ZoneOffset.UTC)
                .format(until);
        assertThat(tokyoDay).isNotEqualTo(utcDay);
        String answer = inbox.newestTextTo(email);
        assertThat(answer).contains("You can download it as often as you need until " + tokyoDay + ":");
        assertThat(machine.in(answer)).isEmpty();

        JsonNode packages = Json.read(http.get("/api/v1/admin/requests/" + id, VisitorRequests.STAFF_IN_ENGLISH)
                        .body())
                .get("packages");
        assertThat(packages.get(0).get("text").asString())
                .isEqualTo("Released on " + times.day(released, olympus, Locale.ENGLISH) + "; available until "
                        + tokyoDay + "; not downloaded yet.");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "de | Die personenbezogenen Daten, die wir über Sie gespeichert haben | Rechtsgrundlage"
                        + " | Erfüllung einer rechtlichen Verpflichtung | Wer Ihre Daten erhalten hat | Ihre Einwilligungen",
                "ja | 当社が保有するお客様の個人データ | 法的根拠 | 法的義務の遵守 | お客様のデータの提供先 | お客様の同意"
            })
    void theAccessPackagesSummaryIsInThePackagesLanguage(
            String language, String heading, String basisHeading, String basis, String disclosed, String consents) {
        SubjectId person = customers.customer("package-" + language);

        String summary = exports.summaryOf(List.of(person), "lab", null, Locale.forLanguageTag(language));

        assertThat(summary)
                .contains("lang=\"" + language + "\"")
                .contains(heading)
                .contains(basisHeading)
                .contains(basis)
                .contains(disclosed)
                .contains(consents)
                .contains("/s/lab/privacy-center/rights/erasure?region=EU&amp;lang=" + language)
                .doesNotContain("The personal data we hold about you")
                .doesNotContain("Legal basis");
        assertThat(machine.in(summary.replaceAll("<[^>]+>", " "))).isEmpty();
    }

    private String requested(String site, String region, String email, String json, String language) {
        return new VisitorRequests(http, inbox, clock)
                .requested(site, region, email, json, language)
                .id();
    }

    private void fulfil(String id) {
        new VisitorRequests(http, inbox, clock).fulfil(id);
    }
}
