package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.AccessRequests;
import dev.steward.test.Console;
import dev.steward.test.Pages;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The readable summary of an access package shows a person's data as the form asked for it: in the form's order, and
 * a choice by the option's label. It said "Location DE" (the console's case page says "Germany") and listed the
 * fields in no particular order.
 */
@StewardTest
class AccessSummaryFieldsTest {

    @LocalServerPort
    int port;

    @Test
    void theSummaryShowsTheChoiceMadeByItsLabelAndTheFieldsInTheFormsOrder() {
        Filled contact = SeedForms.olympusContact();
        HttpResponse<String> sent = new Visitor(port).postJson(contact.apiPath(), contact.json());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String request = AccessRequests.received(port, contact.email());
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        String summary = Pages.text(
                admin.get("/admin/requests/" + request + "/package-preview").body());

        assertThat(summary)
                .contains("Location Germany")
                .doesNotContain("Location DE")
                .containsSubsequence(
                        "Location Germany",
                        "Company Name",
                        "First Name",
                        "Last Name",
                        "E-mail " + contact.email(),
                        "Phone Number",
                        "City",
                        "Zip",
                        "Message");
    }

    /**
     * A European requester of Olympus (whose site's clock is Tokyo's) reads the package's moments on their
     * jurisdiction's clock, as the request's pages and mails tell them (outside23 G7): it read "(JST)".
     */
    @Test
    void theSummaryTellsItsMomentsOnTheClockOfTheRequestsJurisdiction() {
        Filled contact = SeedForms.olympusContact();
        assertThat(new Visitor(port).postJson(contact.apiPath(), contact.json()).statusCode())
                .isEqualTo(201);
        String request = AccessRequests.received(port, contact.email());

        String summary = Pages.text(Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD)
                .get("/admin/requests/" + request + "/package-preview")
                .body());

        assertThat(summary).contains("(CET)").doesNotContain("(JST)");
    }
}
