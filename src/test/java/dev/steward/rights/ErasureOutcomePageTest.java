package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.catalog.SiteTimes;
import dev.steward.platform.StewardProperties;
import dev.steward.test.Axe;
import dev.steward.test.Canary;
import dev.steward.test.Chromium;
import dev.steward.test.DatabaseDump;
import dev.steward.test.LabCustomers;
import dev.steward.test.LabTestBase;
import dev.steward.test.Pages;
import dev.steward.test.StewardTest;
import dev.steward.test.SubjectTraces;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import dev.steward.wording.MachineWords;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The requester's status page says what their erasure did even once nothing of them is left: the answer sealed under
 * their key is gone with it, the summary kept beside the request (counts per activity, recipients, days, no personal
 * value) still reads in their language, and the page still takes the status link and nothing less.
 */
@StewardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasureOutcomePageTest extends LabTestBase {

    private static final String OUTCOME = "aria-labelledby=\"outcome\"";

    @Autowired
    Vault vault;

    @Autowired
    Catalogs catalogs;

    @Autowired
    SiteTimes times;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StewardProperties properties;

    @RegisterExtension
    final Chromium chromium = Chromium.perClass();

    VisitorRequests requests;

    @BeforeEach
    void setUp() {
        requests = new VisitorRequests(http, inbox, clock);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | What we did | On %s we erased all the data we held about you for this site"
                        + " | Invoicing: one record erased. | Lab newsletter: one record erased."
                        + " | We asked the recipients of your data to erase it too: Lab Accounting Partner GmbH, Lab Print Shop.",
                "de | Was wir getan haben | Am %s haben wir alle Daten gelöscht, die wir für diese Website über Sie"
                        + " | Invoicing: ein Datensatz gelöscht. | Lab newsletter: ein Datensatz gelöscht."
                        + " | Wir haben die Empfänger Ihrer Daten aufgefordert, sie ebenfalls zu löschen:"
                        + " Lab Accounting Partner GmbH, Lab Print Shop.",
                "ja | 対応の内容 | %sに、このサイトで保有していたお客様のデータをすべて消去し"
                        + " | Invoicing：1件を消去しました。 | Lab newsletter：1件を消去しました。"
                        + " | お客様のデータの提供先（Lab Accounting Partner GmbH、Lab Print Shop）にも消去を求めました。"
            })
    void afterAWholeErasureTheStatusPageStillSaysWhatWasDoneInTheRequestersLanguage(
            String language, String heading, String everything, String invoices, String newsletter, String recipients) {
        String who = "gone-" + language;
        SubjectId person = invoicedElevenYearsAgo(who);

        VisitorRequests.Made request = requests.requested(
                "lab", "EU", Canary.email(who), "{\"type\":\"erasure\",\"grounds\":[\"consent-withdrawn\"]}", language);
        Instant erasedAt = clock.instant().plusSeconds(1);
        requests.fulfil(request.id());
        assertThat(vault.exists(person)).as("the key is destroyed").isFalse();

        HttpResponse<String> page = status("lab", request.statusToken(), language);
        assertThat(page.statusCode()).isEqualTo(200);
        String outcome = Pages.textOf(page.body(), OUTCOME);
        String day = times.day(erasedAt, catalogs.requireSite("lab"), Locale.forLanguageTag(language));
        assertThat(outcome)
                .startsWith(heading)
                .contains(everything.formatted(day))
                .contains(invoices)
                .contains(newsletter)
                .contains(recipients);
        assertThat(MachineWords.of(catalogs).in(Pages.text(page.body()))).isEmpty();
        assertThat(page.body()).doesNotContain(Canary.MARKER).doesNotContain(person.toString());
        assertThat(page.body())
                .as("the lab names its recipients in English only: marked so in the table of those told")
                .contains((language.equals("en") ? "<td>" : "<td lang=\"en\">") + "Lab Accounting Partner GmbH</td>");
    }

    /**
     * What is kept beside the request is numbers, keys and days: no value, address, name or record of the person, and
     * no id of theirs anywhere outside the evidence chains.
     */
    @Test
    void theSummaryHoldsNothingPersonalAndNothingOfThePersonIsLeft() {
        SubjectId person = invoicedElevenYearsAgo("summary");
        VisitorRequests.Made request = requests.requested(
                "lab",
                "EU",
                Canary.email("summary"),
                "{\"type\":\"erasure\",\"grounds\":[\"no-longer-necessary\"]}",
                "en");
        requests.fulfil(request.id());

        Map<String, Object> summary = jdbc.sql(
                        "SELECT everything, array_to_string(recipients, ',') AS recipients FROM erasure_outcome"
                                + " WHERE request_id = CAST(:id AS uuid)")
                .param("id", request.id())
                .query()
                .singleRow();
        assertThat(summary).containsEntry("everything", true).containsEntry("recipients", "lab-accounting,lab-printer");
        assertThat(jdbc.sql("""
                        SELECT activity || ' ' || records || ' ' || coalesce(kept_by, '-') FROM erasure_outcome_line
                         WHERE request_id = CAST(:id AS uuid) ORDER BY position
                        """).param("id", request.id()).query(String.class).list())
                .containsExactly("invoicing 1 -", "newsletter 1 -");
        assertThat(SubjectTraces.of(jdbc, List.of(person.value())))
                .as("rows outside the evidence that still name the person")
                .isEmpty();
        String dump = DatabaseDump.of(properties.database().url()).text();
        assertThat(dump)
                .doesNotContainIgnoringCase(Canary.MARKER)
                .doesNotContain(Canary.name("summary"))
                .doesNotContain(LabCustomers.REGISTERED_FROM);
    }

    /** Where the law keeps records, the page says which, for how long, until when and why, from the summary. */
    @Test
    void aPartialErasureSaysWhatTheLawKeepsOnceNotTwice() {
        SubjectId person = customers.customer("kept");
        VisitorRequests.Made request = requests.requested(
                "lab", "EU", Canary.email("kept"), "{\"type\":\"erasure\",\"grounds\":[\"consent-withdrawn\"]}", "de");
        requests.fulfil(request.id());
        assertThat(vault.exists(person)).isTrue();
        Instant collected = vault.records(person).get(0).collectedAt();
        Site lab = catalogs.requireSite("lab");
        String until = times.day(
                collected
                        .atOffset(java.time.ZoneOffset.UTC)
                        .plusYears(10)
                        .toInstant()
                        .minusNanos(1),
                lab,
                Locale.GERMAN);

        String body = status("lab", request.statusToken(), "de").body();

        assertThat(Pages.textOf(body, OUTCOME))
                .contains("haben wir einen Ihrer Datensätze für diese Website gelöscht.")
                .contains("Lab newsletter: ein Datensatz gelöscht.")
                .contains("Invoicing: ein Datensatz bleibt bis zum " + until + " gespeichert, weil das Gesetz uns"
                        + " verpflichtet, ihn 10 Jahre ab der Erhebung aufzubewahren."
                        + " Das Handelsrecht verlangt, Rechnungen zehn Jahre aufzubewahren.")
                .doesNotContain("Einwilligungsregister");
        assertThat(Pages.textOf(body, "aria-labelledby=\"history\""))
                .as("the sealed answer is not repeated under the history")
                .doesNotContain("Wir haben einen Ihrer Datensätze gelöscht.");
    }

    /** A second erasure request is answered by the first one's erasure; its page says so too. */
    @Test
    void aRequestSettledByAnotherErasureSaysTheDataIsGone() {
        customers.subscriber("twice");
        String email = Canary.email("twice");
        String erasure = "{\"type\":\"erasure\",\"grounds\":[\"no-longer-necessary\"]}";
        VisitorRequests.Made first = requests.requested("lab", "EU", email, erasure, "ja");
        VisitorRequests.Made second = requests.requested("lab", "EU", email, erasure, "ja");
        Instant erasedAt = clock.instant().plusSeconds(1);

        requests.fulfil(first.id());

        String day = times.day(erasedAt, catalogs.requireSite("lab"), Locale.JAPANESE);
        assertThat(Pages.textOf(status("lab", second.statusToken(), "ja").body(), OUTCOME))
                .isEqualTo("対応の内容 " + day + "に、このサイトで保有していたお客様のデータをすべて消去し、暗号化に用いた鍵も破棄しました。");
    }

    /** The outcome is behind the status link as the rest of the page is: no other address, site or guess reaches it. */
    @Test
    void onlyTheStatusLinkOpensTheOutcome() {
        invoicedElevenYearsAgo("stranger");
        VisitorRequests.Made request = requests.requested(
                "lab",
                "EU",
                Canary.email("stranger"),
                "{\"type\":\"erasure\",\"grounds\":[\"no-longer-necessary\"]}",
                "en");
        requests.fulfil(request.id());

        assertThat(status("lab", request.statusToken(), "en").body()).contains(OUTCOME);
        assertThat(status("olympus-ims", request.statusToken(), "en").statusCode())
                .as("another site's address")
                .isEqualTo(404);
        assertThat(status("lab", request.id(), "en").statusCode())
                .as("the request's id is no status link")
                .isEqualTo(404);
        assertThat(status("lab", request.statusToken().substring(1) + "x", "en").statusCode())
                .isEqualTo(404);
    }

    /** In Chromium, a Japanese browser reads the outcome as a section of its own, and the page stays accessible. */
    @Test
    void aJapaneseBrowserReadsTheOutcomeOnAnAccessiblePage() {
        invoicedElevenYearsAgo("browser-gone");
        VisitorRequests.Made request = requests.requested(
                "lab",
                "EU",
                Canary.email("browser-gone"),
                "{\"type\":\"erasure\",\"grounds\":[\"no-longer-necessary\"]}",
                "ja");
        requests.fulfil(request.id());

        Page page = chromium.page(port, Map.of("Accept-Language", "ja"), true);
        page.navigate("/s/lab/privacy-center/requests/" + request.statusToken());

        Locator outcome = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("対応の内容"));
        assertThat(outcome.textContent())
                .contains("お客様のデータをすべて消去し")
                .contains("Lab newsletter：1件を消去しました。")
                .contains("お客様のデータの提供先（Lab Accounting Partner GmbH、Lab Print Shop）にも消去を求めました。");
        assertThat(Axe.violations(page)).isEmpty();
    }

    /** A lab customer whose invoice is past its ten years: nothing keeps any of their records. */
    private SubjectId invoicedElevenYearsAgo(String who) {
        SubjectId person = customers.customer(who);
        jdbc.sql("""
                        UPDATE personal_record SET collected_at = :collected
                         WHERE subject_id = :subject AND activity = 'invoicing'
                        """)
                .param(
                        "collected",
                        OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)
                                .minusYears(11))
                .param("subject", person.value())
                .update();
        return person;
    }

    private HttpResponse<String> status(String site, String token, String language) {
        return http.get("/s/" + site + "/privacy-center/requests/" + token, "Accept-Language", language);
    }
}
