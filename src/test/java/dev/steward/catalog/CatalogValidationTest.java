package dev.steward.catalog;

import static dev.steward.test.CatalogFixtures.INVALID;
import static dev.steward.test.CatalogFixtures.SEVERAL_PROBLEMS;
import static dev.steward.test.CatalogFixtures.VALID;
import static dev.steward.test.CatalogFixtures.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each fixture under {@code catalogs/invalid} is the valid catalog {@code catalogs/valid/catalog.yml} with one mistake
 * made in it; validation must name that mistake at its exact place and with its exact message, and nothing else.
 */
class CatalogValidationTest {

    @Test
    void theCatalogTheFixturesAreDerivedFromIsValid() {
        Catalog catalog = Catalogs.read(VALID);

        assertThat(catalog.sites()).extracting(Site::key).containsExactly("acme-shop");
        assertThat(catalog.activitiesOf("acme-shop"))
                .extracting(ProcessingActivity::key)
                .containsExactly("newsletter");
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake(
                        "unknown-key.yml",
                        at(64, 5, "unknown key 'recipient' in processing activity; did you mean 'recipients'?")),
                mistake(
                        "webhook-inside.yml",
                        at(
                                54,
                                7,
                                "'https://[::ffff:169.254.169.254]/hooks' names an address that is not on the public"
                                        + " internet")),
                mistake(
                        "webhook-leading-zero.yml",
                        at(
                                54,
                                7,
                                "'https://0177.0.0.1/hooks' has a leading zero in its address, which some programs"
                                        + " read as octal (0177 as 127) and Java as decimal: write the address without"
                                        + " it")),
                mistake(
                        "username-links.yml",
                        at(
                                45,
                                87,
                                "field 'login' is a username, which Steward cannot prove"
                                        + " belongs to someone (signing in proves who knows the account's password,"
                                        + " not who typed the name into another form): only an e-mail address (by a"
                                        + " link) can link a person's submissions; use 'matchesSubject: never'")),
                mistake("duplicate-key.yml", at(45, 47, "duplicate key 'label' (first given at line 45, column 22)")),
                mistake(
                        "jurisdiction-time-zone.yml",
                        at(
                                30,
                                15,
                                "jurisdiction 'EU': time zone 'Europe/Hamburg' is not an IANA time zone such as"
                                        + " Europe/Berlin")),
                mistake("wrong-scalar-type.yml", at(29, 19, "'minimumAge' must be a whole number, found 'sixteen'")),
                mistake(
                        "unknown-cookie-category.yml",
                        at(
                                85,
                                15,
                                "unknown cookie category 'marketing'; expected one of: strictly-necessary,"
                                        + " preferences, analytics, advertising")),
                mistake(
                        "unknown-legal-basis.yml",
                        at(
                                37,
                                11,
                                "unknown legal basis 'gdpr-6-1-z'; expected one of: gdpr-6-1-a, gdpr-6-1-b,"
                                        + " gdpr-6-1-c, gdpr-6-1-d, gdpr-6-1-e, gdpr-6-1-f, gdpr-9-2-a, gdpr-49-1-a,"
                                        + " appi-notified-purpose, appi-consent, appi-permitted-by-law, us-notice,"
                                        + " us-opt-in"),
                        // with its only basis unreadable, the purpose has none where the activity uses it
                        at(
                                62,
                                16,
                                "purpose 'newsletter' of activity 'newsletter' has no legal basis for jurisdiction"
                                        + " 'EU', which site 'acme-shop' serves")),
                mistake("missing-required-key.yml", at(12, 5, "site 'acme-shop' is missing required key 'controller'")),
                mistake("unknown-controller.yml", at(15, 17, "site 'acme-shop' names unknown controller 'acme-corp'")),
                mistake("undeclared-form-field.yml", at(74, 21, "form 'subscribe' names undeclared field 'phone'")),
                mistake(
                        "connection-data-unknown-activity.yml",
                        at(
                                79,
                                21,
                                "form 'subscribe' keeps connection data under unknown activity"
                                        + " 'misuse-prevention'")),
                mistake(
                        "connection-data-not-technical.yml",
                        at(
                                79,
                                21,
                                "form 'subscribe' keeps connection data under activity 'newsletter', which collects"
                                        + " field 'email'; a connection-data activity collects only the technical"
                                        + " fields connectionIp, submittedAt, userAgent")),
                mistake(
                        "country-served-twice.yml",
                        at(
                                36,
                                16,
                                "site 'acme-shop' serves DE by two jurisdictions, 'EU' and 'DACH': list it in one of them")),
                mistake(
                        "change-notice-period-zero.yml",
                        at(
                                23,
                                27,
                                "site 'acme-shop': notice.changeNoticePeriod must be a positive length of time such as"
                                        + " P6M, found 'P0D'")),
                mistake(
                        "other-countries-not-served.yml",
                        at(
                                18,
                                21,
                                "site 'acme-shop': the jurisdiction for other countries 'US' is not one of the"
                                        + " jurisdictions it serves [EU]")),
                mistake(
                        "registration-without-password.yml",
                        at(79, 21, "form 'subscribe' creates accounts but lacks a required password field")),
                mistake(
                        "downloads-without-account.yml",
                        at(
                                79,
                                23,
                                "form 'subscribe' unlocks downloads but creates no account: add 'createsAccount:"
                                        + " true'")),
                mistake(
                        "downloads-not-unlocked.yml",
                        at(
                                80,
                                7,
                                "form 'subscribe' lists downloads but does not unlock them: add 'unlocksDownloads:"
                                        + " true'"),
                        at(81, 15, "'http://example.com/viewer.zip' is not an https address")),
                mistake(
                        "field-not-collected.yml",
                        at(
                                74,
                                21,
                                "form 'subscribe' names field 'city', which activity 'newsletter' does not collect")),
                mistake(
                        "missing-consent-wording.yml",
                        at(
                                60,
                                10,
                                "activity 'newsletter' rests on consent (purpose 'newsletter', gdpr-6-1-a) but has"
                                        + " no consent wording: add consent.text and consent.withdrawal")),
                mistake(
                        "transfer-without-safeguard.yml",
                        at(
                                51,
                                14,
                                "transfer to recipient 'mailer' in US leaves the EEA but names no safeguard: add"
                                        + " 'safeguard' with one of adequacy-decision,"
                                        + " standard-contractual-clauses, binding-corporate-rules or"
                                        + " explicit-consent")),
                mistake(
                        "missing-retention.yml",
                        at(
                                60,
                                10,
                                "activity 'newsletter' has no retention rule: add 'retention' with the key of one"
                                        + " of the retentionRules, to say how long its data is kept")),
                mistake(
                        "invalid-retention-rule.yml",
                        at(
                                56,
                                11,
                                "'rule': unknown retention event 'when-subscribed'; expected collected,"
                                        + " session-end, case-closed, while-subscribed, account-inactive,"
                                        + " until-purpose-ends or an ISO-8601 period such as P6M")),
                mistake(
                        "invalid-duration.yml",
                        at(
                                31,
                                22,
                                "'requestDeadline': 'one month' is not an ISO-8601 duration such as P30D, P24M,"
                                        + " P10Y or PT30M")),
                mistake(
                        "wrong-regime.yml",
                        at(
                                42,
                                11,
                                "legal basis 'gdpr-6-1-a' belongs to GDPR, but jurisdiction 'JP' applies APPI; use"
                                        + " one of: appi-notified-purpose, appi-consent, appi-permitted-by-law")),
                mistake("yaml-syntax.yml", at(13, 15, "YAML syntax: mapping values are not allowed here")),
                mistake(
                        "optional-consent-box.yml",
                        at(
                                77,
                                19,
                                "form 'subscribe' must make its consent box for purpose 'newsletter' required:"
                                        + " activity 'newsletter' rests on consent for it")),
                mistake(
                        "controller-without-address.yml",
                        at(
                                4,
                                10,
                                "controller 'acme' needs an address: site 'acme-shop' serves a GDPR jurisdiction,"
                                        + " whose notice must state it (Art. 13(1)(a) GDPR)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsReportedAtItsPlaceWithItsMessage(String fixture, List<Expected> expected) {
        String file = INVALID + fixture;

        assertThat(problemsOf(file))
                .containsExactlyElementsOf(
                        expected.stream().map(e -> e.in(file)).toList());
    }

    @Test
    void aKeyDeclaredAgainInAnotherFileOfAFolderNamesWhereItWasFirstDeclared() {
        String folder = INVALID + "duplicate-across-files";

        assertThat(problemsOf(folder))
                .containsExactly(new CatalogProblem(
                        folder + "/purposes.yml",
                        3,
                        10,
                        "duplicate purpose 'newsletter' (first declared at " + folder + "/catalog.yml:34:10)"));
    }

    @Test
    void anInvalidEarlierEditionIsNamedWhereItIsListedAndItsOwnProblemsFollow() {
        String file = INVALID + "invalid-earlier-edition.yml";

        assertThat(problemsOf(file))
                .containsExactly(
                        at(
                                        23,
                                        23,
                                        "earlier edition 'unknown-controller.yml' is not a valid catalog: 1 problem in"
                                                + " its own files")
                                .in(file),
                        at(15, 17, "site 'acme-shop' names unknown controller 'acme-corp'")
                                .in(INVALID + "unknown-controller.yml"));
    }

    @Test
    void aFileThatCannotBeReadHoldsBackTheChecksOfReferencesIntoIt() {
        String folder = INVALID + "unreadable-file";

        assertThat(problemsOf(folder))
                .containsExactly(new CatalogProblem(
                        folder + "/controllers.yml",
                        4,
                        1,
                        "YAML syntax: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB)"
                                + " for indentation)"));
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnceInFileLineAndColumnOrder() {
        String file = SEVERAL_PROBLEMS;

        assertThat(problemsOf(file))
                .containsExactly(
                        at(15, 17, "site 'acme-shop' names unknown controller 'acme-corp'")
                                .in(file),
                        at(29, 19, "'minimumAge' must be a whole number, found 'sixteen'")
                                .in(file),
                        at(
                                        51,
                                        14,
                                        "transfer to recipient 'mailer' in US leaves the EEA but names no safeguard:"
                                                + " add 'safeguard' with one of adequacy-decision,"
                                                + " standard-contractual-clauses, binding-corporate-rules or"
                                                + " explicit-consent")
                                .in(file),
                        at(64, 5, "unknown key 'recipient' in processing activity; did you mean 'recipients'?")
                                .in(file),
                        at(
                                        74,
                                        21,
                                        "form 'subscribe' names field 'city', which activity 'newsletter' does not"
                                                + " collect")
                                .in(file),
                        at(
                                        85,
                                        15,
                                        "unknown cookie category 'marketing'; expected one of: strictly-necessary,"
                                                + " preferences, analytics, advertising")
                                .in(file));
    }

    private static Arguments mistake(String fixture, Expected... problems) {
        return Arguments.of(fixture, List.of(problems));
    }

    private static Expected at(int line, int column, String message) {
        return new Expected(line, column, message);
    }

    /** A problem expected in whichever fixture file the case reads. */
    record Expected(int line, int column, String message) {
        CatalogProblem in(String file) {
            return new CatalogProblem(file, line, column, message);
        }
    }
}
