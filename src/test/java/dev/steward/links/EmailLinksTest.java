package dev.steward.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.consent.ConsentDecisions;
import dev.steward.platform.Sha256;
import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.LabTestBase;
import dev.steward.test.Mailboxes;
import dev.steward.test.Packages;
import dev.steward.test.Pages;
import dev.steward.test.Registrations;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import dev.steward.vault.RecordId;
import dev.steward.vault.RecordState;
import dev.steward.vault.Vault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every link Steward mails that acts, as a mail scanner and a person meet it over HTTP: opening it, twice, changes
 * nothing; only its page's button (a POST with the page's CSRF token) acts, once; pressing it again says clearly that
 * it is done or expired. The access package is the exception that can be used again: downloaded with the mail's code,
 * as often as needed until it expires, each download counted and audited.
 */
@StewardTest
class EmailLinksTest extends LabTestBase {

    @Autowired
    Vault vault;

    @Autowired
    ConsentDecisions decisions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theVerificationLinkOpensAPageAndOnlyItsButtonConfirmsTheRequestOnce() {
        customers.customer("link-verify");
        String statusToken = submitAccess("link-verify");
        String link = verificationLink("link-verify");
        Http scanner = new Http(port);

        for (int opened = 1; opened <= 2; opened++) {
            HttpResponse<String> page = scanner.get(link);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(heading(page)).isEqualTo("Confirm your request");
            assertThat(page.headers().firstValue("Cache-Control"))
                    .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
            assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(status(statusToken)).as("opened %d times", opened).isEqualTo("awaiting-verification");
        }
        HttpResponse<String> noToken = scanner.postForm(link, Map.of());
        assertThat(noToken.statusCode())
                .as("a post without the page's CSRF token goes back to the page")
                .isEqualTo(303);
        assertThat(noToken.headers().firstValue("Location")).hasValue(link);
        assertThat(status(statusToken)).isEqualTo("awaiting-verification");

        Http person = new Http(port);
        String csrf = Console.csrf(person.get(link).body());
        HttpResponse<String> confirmed = person.postForm(link, Map.of("_csrf", csrf));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(heading(confirmed)).isEqualTo("Your request is confirmed");
        assertThat(status(statusToken)).isEqualTo("received");

        HttpResponse<String> again = person.postForm(link, Map.of("_csrf", csrf));
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(heading(again)).isEqualTo("Already done");
        assertThat(Pages.text(again.body())).contains("Your request is confirmed already");
        assertThat(heading(scanner.get(link))).isEqualTo("Already done");
        HttpResponse<String> inJapanese = scanner.get(link, "Accept-Language", "ja");
        assertThat(heading(inJapanese)).isEqualTo("手続きは完了しています");
        assertThat(Pages.text(inJapanese.body())).contains("ご請求はすでに確認済みです").doesNotContain("Already");
        assertThat(verifiedEvents(statusToken)).as("confirmed once").isEqualTo(1);
    }

    /**
     * The winner proves the address and so gives the browser a new session id; the other press may then arrive with
     * the old one and fail its CSRF check. Either way it is told that the request is confirmed, never refused.
     */
    @Test
    void ofTwoPressesAtOnceOneConfirmsAndTheOtherIsToldItIsDone() {
        String statusToken = submitAccess("link-twice");
        String link = verificationLink("link-twice");
        Http person = new Http(port);
        String csrf = Console.csrf(person.get(link).body());

        List<HttpResponse<String>> answers = java.util.stream.IntStream.range(0, 2)
                .mapToObj(press -> java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> person.postForm(link, Map.of("_csrf", csrf))))
                .toList()
                .stream()
                .map(java.util.concurrent.CompletableFuture::join)
                .toList();

        assertThat(answers).filteredOn(answer -> answer.statusCode() == 200).hasSize(1);
        HttpResponse<String> other = answers.stream()
                .filter(answer -> answer.statusCode() != 200)
                .findFirst()
                .orElseThrow();
        HttpResponse<String> shown = other.statusCode() == 303
                ? person.get(other.headers().firstValue("Location").orElseThrow())
                : other;
        assertThat(other.headers().firstValue("Location"))
                .as("back to the link's page")
                .isIn(Optional.empty(), Optional.of(link));
        assertThat(shown.statusCode()).isEqualTo(410);
        assertThat(heading(shown)).isEqualTo("Already done");
        assertThat(status(statusToken)).isEqualTo("received");
        assertThat(verifiedEvents(statusToken)).isEqualTo(1);
    }

    @Test
    void aPressWhoseSessionHasChangedIsSentBackToTheLinksPageWhichStillOffersTheButton() {
        String statusToken = submitAccess("link-stale");
        String link = verificationLink("link-stale");
        String csrf = Console.csrf(new Http(port).get(link).body());
        Http laterBrowser = new Http(port);

        HttpResponse<String> pressed = laterBrowser.postForm(link, Map.of("_csrf", csrf));

        assertThat(pressed.statusCode()).isEqualTo(303);
        assertThat(pressed.headers().firstValue("Location")).hasValue(link);
        assertThat(pressed.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(status(statusToken)).isEqualTo("awaiting-verification");
        HttpResponse<String> page = laterBrowser.get(link);
        assertThat(heading(page)).isEqualTo("Confirm your request");
        HttpResponse<String> confirmed = laterBrowser.postForm(link, Map.of("_csrf", Console.csrf(page.body())));
        assertThat(heading(confirmed)).isEqualTo("Your request is confirmed");
    }

    @Test
    void anExpiredVerificationLinkSaysSoOnItsPageAndAtItsButton() {
        String statusToken = submitAccess("link-late");
        String link = verificationLink("link-late");
        Http person = new Http(port);
        String csrf = Console.csrf(person.get(link).body());

        clock.advance(Duration.ofHours(25));

        HttpResponse<String> page = person.get(link);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(heading(page)).isEqualTo("This link has expired");
        HttpResponse<String> pressed = person.postForm(link, Map.of("_csrf", csrf));
        assertThat(pressed.statusCode()).isEqualTo(410);
        assertThat(Pages.text(pressed.body())).contains("submit the request again");
        assertThat(status(statusToken)).isEqualTo("awaiting-verification");

        assertUnknown(person, "/s/lab/privacy-center/verify?token=not-a-token-we-sent");
    }

    @Test
    void thePackageIsDownloadedWithTheCodeAsOftenAsNeededEachTimeCountedAndAuditedUntilItExpires() {
        customers.customer("link-package");
        String id = fulfilledAccess("link-package");
        String until = day(Locale.ENGLISH, clock.instant().plus(Duration.ofDays(7)));
        String untilInGerman = day(Locale.GERMAN, clock.instant().plus(Duration.ofDays(7)));
        String mail = inbox.newestTextTo(Canary.email("link-package"));
        String link = Packages.link(mail);
        Http scanner = new Http(port);

        for (int opened = 1; opened <= 2; opened++) {
            HttpResponse<String> page = scanner.get(link);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(heading(page)).isEqualTo("Your copy of your data");
            assertThat(Pages.text(page.body())).contains("until " + until).contains("not been downloaded yet");
        }
        HttpResponse<String> inGerman = scanner.get(link, "Accept-Language", "de");
        assertThat(heading(inGerman)).isEqualTo("Ihre Datenkopie");
        assertThat(Pages.text(inGerman.body()))
                .contains("bis zum " + untilInGerman + " so oft")
                .contains("Code aus der E-Mail");
        assertThat(packageOf(id).get("downloads").asInt())
                .as("opening the link")
                .isZero();

        Http person = new Http(port);
        String csrf = Console.csrf(person.get(link).body());
        HttpResponse<String> noCode = person.postForm(link, Map.of("_csrf", csrf));
        assertThat(noCode.statusCode()).isEqualTo(422);
        assertThat(Pages.text(noCode.body())).contains("Enter the six-digit code from the e-mail.");
        assertThat(Pages.text(person.postForm(link, Map.of("_csrf", csrf), "Accept-Language", "ja")
                        .body()))
                .contains("メールに記載の6桁のコードを入力してください。");
        HttpResponse<String> wrong = person.postForm(link, Map.of("_csrf", csrf, "code", otherThan(mail)));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(Pages.text(wrong.body())).contains("This is not the code from the e-mail. 4 attempts are left");

        for (int downloaded = 1; downloaded <= 2; downloaded++) {
            HttpResponse<byte[]> download = Packages.download(person, mail);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Disposition"))
                    .hasValueSatisfying(value -> assertThat(value).contains("steward-access.zip"));
            assertThat(new String(download.body(), 0, 2)).as("a ZIP file").isEqualTo("PK");
        }

        JsonNode summary = packageOf(id);
        assertThat(summary.get("downloads").asInt()).isEqualTo(2);
        assertThat(summary.get("state").asString()).isEqualTo("available");
        assertThat(historyKinds(id)).containsSubsequence("completed", "downloaded", "downloaded");
        JsonNode request = staff("/api/v1/admin/requests/" + id).get("request");
        List<JsonNode> downloads = Json.read(staffGet("/api/v1/admin/audit?subject="
                                + request.get("subject").asString())
                        .body())
                .get("entries")
                .valueStream()
                .filter(entry -> entry.get("action").asString().equals("download-package"))
                .toList();
        assertThat(downloads)
                .hasSize(2)
                .allSatisfy(entry -> assertThat(entry.get("actor").asString()).isEqualTo("requester"));

        clock.advance(Duration.ofDays(7));

        HttpResponse<String> expired = person.get(link);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(heading(expired)).isEqualTo("This link has expired");
        assertThat(Pages.text(expired.body())).contains("could be downloaded until " + until);
        HttpResponse<String> expiredInGerman = person.get(link, "Accept-Language", "de");
        assertThat(heading(expiredInGerman)).isEqualTo("Dieser Link ist abgelaufen");
        assertThat(Pages.text(expiredInGerman.body()))
                .contains("bis zum " + untilInGerman + " heruntergeladen")
                .contains("Zum Datenschutzcenter");
        HttpResponse<String> late = person.postForm(link, Map.of("_csrf", csrf, "code", Packages.code(mail)));
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(packageOf(id).get("downloads").asInt()).isEqualTo(2);
        assertThat(packageOf(id).get("state").asString()).isEqualTo("expired");

        assertUnknown(person, "/s/lab/privacy-center/packages/not-a-token-we-sent");
    }

    /**
     * A stranger holding the link (a forwarded mail, a mail scanner's records) gets five guesses at its code and can
     * then neither download nor destroy the copy: on main the fifth wrong code deleted it, so anyone with the link
     * could take the requester's answer away. Now the link locks, and the copy goes on under a new link and code that
     * only the requester's mailbox gets.
     */
    @Test
    void wrongCodesLockTheLinkNotTheCopyAndALinkReachesOnlyItsOwnPackage() {
        customers.customer("link-locked");
        customers.customer("link-other");
        String locked = fulfilledAccess("link-locked");
        String lockedMail = inbox.newestTextTo(Canary.email("link-locked"));
        fulfilledAccess("link-other");
        String otherMail = inbox.newestTextTo(Canary.email("link-other"));

        Http stranger = new Http(port);
        String link = Packages.link(lockedMail);
        assertThat(stranger.get(link.replace("/s/lab/", "/s/olympus-ims/")).statusCode())
                .as("the link on another site")
                .isEqualTo(404);
        String csrf = Console.csrf(stranger.get(link).body());
        HttpResponse<String> othersCode =
                stranger.postForm(link, Map.of("_csrf", csrf, "code", Packages.code(otherMail)));
        assertThat(othersCode.statusCode())
                .as("another package's code opens nothing")
                .isEqualTo(422);
        for (int attempt = 2; attempt < 5; attempt++) {
            assertThat(stranger.postForm(link, Map.of("_csrf", csrf, "code", otherThan(lockedMail)))
                            .statusCode())
                    .isEqualTo(422);
        }
        HttpResponse<String> fifth = stranger.postForm(link, Map.of("_csrf", csrf, "code", otherThan(lockedMail)));
        assertThat(fifth.statusCode()).isEqualTo(410);
        assertThat(heading(fifth)).isEqualTo("This link is locked");
        assertThat(Pages.text(fifth.body())).contains("Your copy is kept").doesNotContain("deleted");
        assertThat(stranger.postForm(link, Map.of("_csrf", csrf, "code", Packages.code(lockedMail)))
                        .statusCode())
                .as("the locked link opens nothing, even with its right code")
                .isEqualTo(410);

        String renewed = inbox.newestTextTo(Canary.email("link-locked"));
        assertThat(renewed).as("a new mail to the requester").isNotEqualTo(lockedMail);
        assertThat(renewed).contains("we locked that link").contains("Your copy is kept");
        assertThat(Packages.link(renewed)).isNotEqualTo(link);
        assertThat(Packages.code(renewed)).isNotEqualTo(Packages.code(lockedMail));
        HttpResponse<String> owner = new Http(port).get(link);
        assertThat(owner.statusCode()).isEqualTo(410);
        assertThat(Pages.text(owner.body())).contains("we sent a new link and code");
        assertThat(Pages.text(new Http(port).get(link, "Accept-Language", "de").body()))
                .contains("Ihre Kopie bleibt erhalten");

        Http ownersBrowser = new Http(port);
        String ownersCsrf =
                Console.csrf(ownersBrowser.get(Packages.link(renewed)).body());
        assertThat(ownersBrowser
                        .postForm(
                                Packages.link(renewed), Map.of("_csrf", ownersCsrf, "code", Packages.code(lockedMail)))
                        .statusCode())
                .as("the old code does not open the new link")
                .isEqualTo(422);
        HttpResponse<byte[]> download = Packages.download(new Http(port), renewed);
        assertThat(download.statusCode()).as("the owner downloads their copy").isEqualTo(200);
        assertThat(new String(download.body(), 0, 2)).isEqualTo("PK");

        JsonNode packages = staff("/api/v1/admin/requests/" + locked).get("packages");
        assertThat(packages.valueStream().map(p -> p.get("state").asString())).containsExactly("replaced", "available");
        assertThat(packages.get(1).get("availableUntil").asString())
                .as("the new link works until the same day, no longer")
                .isEqualTo(packages.get(0).get("availableUntil").asString());
        assertThat(packages.get(0).get("text").asString()).contains("a new link and code were mailed");
        assertThat(historyKinds(locked)).contains("package-relinked").doesNotContain("package-locked");
        assertThat(Packages.download(new Http(port), otherMail).statusCode())
                .as("the other requester's package is untouched")
                .isEqualTo(200);
    }

    @Test
    void theDoubleOptInLinkConfirmsOnlyWithItsButtonOnce() {
        Filled form = SeedForms.olympusNewsletter();
        String subject = Json.read(
                        new Visitor(port).postJson(form.apiPath(), form.json()).body())
                .get("subject")
                .asString();
        String link = Mailboxes.link(port, form.email(), "Please confirm your subscription", "/s/olympus-ims/confirm/");

        Http person = new Http(port);
        assertOpensTwiceChangingNothing(
                person, link, "Confirm your subscription", () -> newsletter(subject), "awaiting-confirmation");
        String csrf = Console.csrf(person.get(link).body());
        assertThat(person.postForm(link, Map.of("_csrf", csrf)).statusCode()).isEqualTo(200);
        assertThat(newsletter(subject)).isEqualTo("consent-confirmed");

        HttpResponse<String> again = person.postForm(link, Map.of("_csrf", csrf));
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(heading(again)).isEqualTo("Already done");
        assertThat(Pages.text(again.body())).contains("Your subscription is confirmed already.");
    }

    @Test
    void theParentalConsentLinkDecidesOnlyWithItsButtonOnce() {
        String parent = Canary.email(SeedForms.unique("link-parent"));
        Filled child = SeedForms.olympusContact().age("12").parent(parent).region("EU");
        RecordId record = RecordId.parse(Json.read(new Visitor(port)
                        .postJson(child.apiPath(), child.json())
                        .body())
                .get("record")
                .asString());
        String link =
                Mailboxes.link(port, parent, "Please confirm your child's form", "/s/olympus-ims/parental-consent/");

        Http person = new Http(port);
        assertOpensTwiceChangingNothing(
                person, link, "Your child's form", () -> state(record), RecordState.AWAITING_PARENT.name());
        String csrf = Console.csrf(person.get(link).body());
        assertThat(person.postForm(link, Map.of("_csrf", csrf)).statusCode())
                .as("a post without one of the page's two buttons")
                .isEqualTo(302);
        assertThat(state(record)).isEqualTo(RecordState.AWAITING_PARENT.name());
        HttpResponse<String> confirmed = person.postForm(link, Map.of("_csrf", csrf, "decision", "confirm"));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(state(record)).isEqualTo(RecordState.ACTIVE.name());

        HttpResponse<String> refused = person.postForm(link, Map.of("_csrf", csrf, "decision", "refuse"));
        assertThat(refused.statusCode()).isEqualTo(410);
        assertThat(heading(refused)).isEqualTo("Already done");
        assertThat(state(record)).as("a second decision changes nothing").isEqualTo(RecordState.ACTIVE.name());
    }

    @Test
    void thePasswordResetLinkChangesThePasswordOnlyWithItsButtonOnce() {
        Filled account = SeedForms.omronAccount();
        assertThat(new Visitor(port).postJson(account.apiPath(), account.json()).statusCode())
                .isEqualTo(201);
        Registrations.verify(port, SeedForms.OMRON, account.email());
        new Visitor(port)
                .submit(
                        "/s/omron-healthcare/account/reset",
                        "/s/omron-healthcare/account/reset",
                        Map.of("login", account.email()));
        String link =
                Mailboxes.link(port, account.email(), "Reset your password", "/s/omron-healthcare/account/reset/");
        String tokenHash = Sha256.hex(link.substring(link.lastIndexOf('/') + 1));

        Http person = new Http(port);
        assertOpensTwiceChangingNothing(person, link, "Choose a new password", () -> tokenUsed(tokenHash), "false");
        String csrf = Console.csrf(person.get(link).body());
        HttpResponse<String> reset =
                person.postForm(link, Map.of("_csrf", csrf, "password", "canarytoken-new-password"));
        assertThat(reset.statusCode()).isEqualTo(302);
        assertThat(tokenUsed(tokenHash)).isEqualTo("true");

        HttpResponse<String> again =
                person.postForm(link, Map.of("_csrf", csrf, "password", "canarytoken-third-password"));
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(heading(again)).isEqualTo("Already done");
        assertThat(Pages.text(again.body())).contains("Your password was changed with this link already.");
    }

    @Test
    void theAccountVerificationLinkConfirmsTheAddressOnlyWithItsButtonOnce() {
        Filled account = SeedForms.omronAccount();
        assertThat(new Visitor(port).postJson(account.apiPath(), account.json()).statusCode())
                .isEqualTo(201);
        String link = Registrations.verificationLink(port, SeedForms.OMRON, account.email());
        String tokenHash = Sha256.hex(link.substring(link.lastIndexOf('/') + 1));

        Http person = new Http(port);
        assertOpensTwiceChangingNothing(
                person, link, "Confirm your e-mail address", () -> tokenUsed(tokenHash), "false");
        String csrf = Console.csrf(person.get(link).body());
        HttpResponse<String> confirmed = person.postForm(link, Map.of("_csrf", csrf, "password", SeedForms.PASSWORD));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(heading(confirmed)).isEqualTo("Your address is confirmed");

        HttpResponse<String> again = person.postForm(link, Map.of("_csrf", csrf, "password", SeedForms.PASSWORD));
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(heading(again)).isEqualTo("Already done");
    }

    private void assertOpensTwiceChangingNothing(
            Http browser, String link, String heading, java.util.function.Supplier<String> state, String unchanged) {
        for (int opened = 1; opened <= 2; opened++) {
            HttpResponse<String> page = browser.get(link);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(heading(page)).isEqualTo(heading);
            assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(state.get()).as("opened %d times", opened).isEqualTo(unchanged);
        }
    }

    /** The day as the lab site's pages write it (its time zone is UTC). */
    private static String day(Locale locale, java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(locale)
                .withZone(java.time.ZoneOffset.UTC)
                .format(at);
    }

    private static void assertUnknown(Http browser, String link) {
        HttpResponse<String> unknown = browser.get(link);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(heading(unknown)).isEqualTo("This link does not work");
    }

    private String submitAccess(String who) {
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> submitted = http.postJson(
                "/api/v1/sites/lab/requests",
                "{\"type\":\"access\",\"email\":\"" + Canary.email(who) + "\",\"region\":\"EU\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        return Json.read(submitted.body()).get("statusToken").asString();
    }

    /** The verification link's path and query, as the mail gives it. */
    private String verificationLink(String who) {
        return "/s/lab/privacy-center/verify?token=" + inbox.find(Canary.email(who), "verify\\?token=([\\w-]+)");
    }

    /** An access request, verified by its link and answered by staff: answers its id. */
    private String fulfilledAccess(String who) {
        String statusToken = submitAccess(who);
        String link = verificationLink(who);
        Http person = new Http(port);
        person.postForm(link, Map.of("_csrf", Console.csrf(person.get(link).body())));
        String id = Json.read(
                        http.get("/api/v1/sites/lab/requests/" + statusToken).body())
                .get("request")
                .asString();
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> fulfilled = http.postJson(
                "/api/v1/admin/requests/" + id + "/fulfil", "", Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(fulfilled.statusCode()).as(fulfilled.body()).isEqualTo(200);
        return id;
    }

    private String status(String statusToken) {
        return Json.read(http.get("/api/v1/sites/lab/requests/" + statusToken).body())
                .get("status")
                .asString();
    }

    private long verifiedEvents(String statusToken) {
        String id = Json.read(
                        http.get("/api/v1/sites/lab/requests/" + statusToken).body())
                .get("request")
                .asString();
        return historyKinds(id).stream().filter("verified"::equals).count();
    }

    private List<String> historyKinds(String id) {
        return staff("/api/v1/admin/requests/" + id)
                .get("history")
                .valueStream()
                .map(event -> event.get("kind").asString())
                .toList();
    }

    private JsonNode packageOf(String id) {
        JsonNode packages = staff("/api/v1/admin/requests/" + id).get("packages");
        assertThat(packages.size()).isEqualTo(1);
        return packages.get(0);
    }

    private JsonNode staff(String path) {
        HttpResponse<String> answer = staffGet(path);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.read(answer.body());
    }

    private HttpResponse<String> staffGet(String path) {
        return http.get(path, Http.basic("admin", StewardTest.ADMIN_PASSWORD));
    }

    private String newsletter(String subject) {
        return decisions.decide(SeedForms.OLYMPUS, subject, "newsletter", null).reason();
    }

    private String state(RecordId record) {
        return vault.record(record).orElseThrow().state().name();
    }

    private String tokenUsed(String tokenHash) {
        return String.valueOf(jdbc.sql("SELECT used_at IS NOT NULL FROM account_token WHERE token_sha256 = :hash")
                .param("hash", tokenHash)
                .query(Boolean.class)
                .single());
    }

    /** A six-digit code that is not the mail's. */
    private static String otherThan(String mail) {
        String code = Packages.code(mail);
        return code.equals("000000") ? "000001" : "000000";
    }

    private static String heading(HttpResponse<String> page) {
        java.util.regex.Matcher h1 = java.util.regex.Pattern.compile(
                        "<h1[^>]*>(.*?)</h1>", java.util.regex.Pattern.DOTALL)
                .matcher(page.body());
        assertThat(h1.find()).as("a heading in %s", page.body()).isTrue();
        return Pages.text(h1.group(1));
    }
}
