package dev.steward.wording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Console;
import dev.steward.test.Pages;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page after a sent form says what is true and what each receipt proves. After a registration nobody signs in
 * before the mailed link came back: the demo's registration forms used to confirm "You can now sign in" (Omron) and
 * "You can now log in and open the download area" (Olympus) a few lines above Steward's own sentence that nobody can
 * sign in yet, and signing in then was refused. Receipts were linked as "Receipt 1", "Receipt 2", … without saying
 * which consent each proves.
 */
@StewardTest
class SentPageWordsTest {

    @LocalServerPort
    int port;

    @Test
    void omronsAccountFormSendsTheRegistrantToTheMailedLinkFirst() {
        Filled registration = SeedForms.omronAccount();

        String sent = sentPage(registration);

        assertThat(sent)
                .doesNotContain("You can now sign in")
                .contains("Open the link we e-mailed you to confirm your address; then you can sign in.")
                .contains("until you do, nobody can sign in to the account");
        assertThat(signIn(registration, "/s/omron-healthcare/account/login"))
                .as("and signing in is indeed refused until then")
                .contains("Please confirm your e-mail address first");
    }

    @Test
    void olympusSoftwareDownloadSendsTheRegistrantToTheMailedLinkFirst() {
        Filled registration = SeedForms.olympusSoftwareDownload();

        String sent = sentPage(registration);

        assertThat(sent)
                .doesNotContain("You can now log in")
                .contains("Open the link we e-mailed you to confirm your address; then you can log in and open the"
                        + " download area.");
    }

    @Test
    void eachReceiptIsNamedByThePurposeOfTheConsentItProves() {
        Filled newsletter = SeedForms.olympusNewsletter();

        String sent = sentPage(newsletter);

        assertThat(sent)
                .contains("Receipt: Sending you our newsletter about interesting offers related to our products and"
                        + " services")
                .contains("Receipt: Promotional e-mails from Olympus Group Entities for certain goods and services")
                .doesNotContainPattern("Receipt \\d");
    }

    /**
     * A receipt is written in the language its consent was given in, as its own "language" says: a German visitor's
     * receipt named the purpose, service, retention and way to withdraw in English although the catalog has them in
     * German and the form showed them so.
     */
    @Test
    void aReceiptSpeaksTheLanguageTheConsentWasGivenIn() {
        Filled newsletter = SeedForms.olympusNewsletter();
        Visitor visitor = new Visitor(port);
        String page = newsletter.path() + "?region=" + newsletter.region();
        String csrf = Console.csrf(visitor.get(page, "Accept-Language", "de").body());
        HttpResponse<String> posted = visitor.postForm(page, newsletter.formFields(csrf), "Accept-Language", "de");
        String sent = visitor.get(
                        URI.create(posted.headers().firstValue("Location").orElseThrow())
                                .getRawPath(),
                        "Accept-Language",
                        "de")
                .body();
        Matcher receipt = Pattern.compile("href=\"(/receipts/[0-9a-f-]+)\"").matcher(sent);
        assertThat(receipt.find()).as("the sent page links a receipt").isTrue();

        String shown = Pages.text(
                visitor.get(receipt.group(1), "Accept-Language", "de").body());

        assertThat(shown)
                .contains("Zweck Versand unseres Newsletters mit interessanten Angeboten zu unseren Produkten und"
                        + " Dienstleistungen")
                .doesNotContain("Sending you our newsletter");
    }

    private String sentPage(Filled form) {
        Visitor visitor = new Visitor(port);
        String page = form.path() + "?region=" + form.region();
        HttpResponse<String> shown = visitor.get(page);
        HttpResponse<String> posted = visitor.postForm(form.path(), form.formFields(Console.csrf(shown.body())));
        assertThat(posted.statusCode()).as(Pages.text(posted.body())).isEqualTo(302);
        URI sent = URI.create(posted.headers().firstValue("Location").orElseThrow());
        return Pages.text(visitor.get(sent.getRawPath()).body());
    }

    private String signIn(Filled registration, String path) {
        return Pages.text(new Visitor(port)
                .submit(path, path, Map.of("login", registration.email(), "password", SeedForms.PASSWORD))
                .body());
    }
}
