package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Json;
import dev.steward.test.LabTestBase;
import dev.steward.test.Pages;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stranger who files requests with someone's address fills the few that may wait for it, and wrong codes keep a
 * request counted for a day: the address's owner, from the links in their mail, ends those requests as not theirs and
 * can then make their own (attack21's finding).
 */
@StewardTest
class DeclinedRequestsTest extends LabTestBase {

    private static final String REQUESTS = RequestFiling.REQUESTS;
    private static final String DECLINE = "I did not ask for this: end the request";
    private static final String CONFIRM = "Confirm my request";

    private RequestFiling filing;

    @BeforeEach
    void newFiling() {
        filing = new RequestFiling(clock, inbox);
    }

    @Test
    void theOwnerEndsAStrangersRequestsFromTheirMailAndThenFilesTheirOwn() {
        String owner = Canary.email("declines-strangers");
        Visitor stranger = new Visitor(port);
        List<String> links = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertThat(filing.file(stranger, owner).statusCode()).isEqualTo(202);
            links.add(link(owner));
        }
        assertThat(RequestFiling.code(filing.file(new Visitor(port), owner))).isEqualTo("too-many-unverified");

        Visitor person = new Visitor(port);
        String form = person.get(links.get(0)).body();
        assertThat(Pages.text(form)).contains(CONFIRM).contains(DECLINE);
        HttpResponse<String> declined = decline(person, links.get(0));
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(Pages.text(declined.body()))
                .contains("The request is ended")
                .contains("Nothing of it was carried out");

        HttpResponse<String> own = filing.file(person, owner);
        assertThat(own.statusCode()).as("the slot is free: " + own.body()).isEqualTo(202);

        HttpResponse<String> again = person.postForm(
                links.get(0).replace("/verify?", "/verify/decline?"), Map.of("_csrf", Console.csrf(form)));
        assertThat(Pages.text(again.body())).as("the button pressed twice").doesNotContain("The request is ended");
        assertThat(Pages.text(person.get(links.get(0)).body()))
                .as("an ended request's link offers nothing")
                .doesNotContain(DECLINE)
                .doesNotContain(CONFIRM);
        HttpResponse<String> confirmAfter = person.postForm(links.get(0), Map.of("_csrf", Console.csrf(form)));
        assertThat(confirmAfter.statusCode())
                .as("an ended request cannot be confirmed")
                .isNotEqualTo(200);
    }

    @Test
    void aRequestThatWrongCodesEndedCanStillBeDeclinedSoItStopsCountingForADay() {
        String owner = Canary.email("declines-guessed");
        Visitor stranger = new Visitor(port);
        List<String> links = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            HttpResponse<String> filed = filing.file(stranger, owner);
            assertThat(filed.statusCode()).isEqualTo(202);
            links.add(link(owner));
            String statusToken = Json.read(filed.body()).get("statusToken").asString();
            String wrong = filing.wrongCode(owner);
            for (int attempt = 0; attempt < RequestVerification.CODE_ATTEMPTS; attempt++) {
                filing.guess(stranger, statusToken, wrong);
            }
        }
        assertThat(filing.file(stranger, owner).statusCode()).isEqualTo(202);
        assertThat(RequestFiling.code(filing.file(stranger, owner)))
                .as("two ended by wrong codes and one waiting count")
                .isEqualTo("too-many-unverified");

        Visitor person = new Visitor(port);
        String page = Pages.text(person.get(links.get(0)).body());
        assertThat(page)
                .contains("Ended: too many wrong codes were entered")
                .contains(DECLINE)
                .doesNotContain(CONFIRM);
        assertThat(person.submit(links.get(0), links.get(0), Map.of()).statusCode())
                .as("its confirm button is gone and its address confirms nothing")
                .isNotEqualTo(200);
        assertThat(decline(person, links.get(0)).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(11)); // past the forms' bucket per address
        HttpResponse<String> own = filing.file(person, owner);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(202);
    }

    @Test
    void anIntegratorsPageEndsItThroughTheApiWithTheLinksToken() {
        String owner = Canary.email("declines-by-api");
        Visitor stranger = new Visitor(port);
        assertThat(filing.file(stranger, owner).statusCode()).isEqualTo(202);
        String token = inbox.find(owner, "verify\\?token=([\\w-]+)");
        Visitor page = new Visitor(port);

        HttpResponse<String> declined =
                page.postJson(REQUESTS + "/verification/decline", "{\"token\":\"" + token + "\"}");
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(Json.read(declined.body()).get("status").asString()).isEqualTo("expired");
        assertThat(Json.read(declined.body()).get("outcome").asString()).isEqualTo(RightsRequest.DECLINED);

        assertThat(RequestFiling.code(
                        page.postJson(REQUESTS + "/verification/decline", "{\"token\":\"" + token + "\"}")))
                .as("twice")
                .isEqualTo("expired-or-used");
        assertThat(RequestFiling.code(page.postJson(REQUESTS + "/verification", "{\"token\":\"" + token + "\"}")))
                .as("an ended request cannot be confirmed")
                .isEqualTo("expired-or-used");
        assertThat(RequestFiling.code(page.postJson(REQUESTS + "/verification/decline", "{}")))
                .isEqualTo("required");
        assertThat(RequestFiling.code(
                        page.postJson(REQUESTS + "/verification/decline", "{\"token\":\"not-a-token-we-sent\"}")))
                .isEqualTo("expired-or-used");
    }

    private HttpResponse<String> decline(Visitor visitor, String link) {
        String action = link.replace("/privacy-center/verify?", "/privacy-center/verify/decline?");
        return visitor.submit(link, action, Map.of());
    }

    private String link(String email) {
        return "/s/lab/privacy-center/verify?token=" + inbox.find(email, "verify\\?token=([\\w-]+)");
    }

    /**
     * attack22: the three requests that may wait are the mailbox's, not the spelling's. A stranger spelled the owner's
     * address with a subaddress (ann+1@…, most providers deliver it to ann@…) or its domain in IDNA's other form, and
     * each spelling had three mails of its own to send.
     */
    @Test
    void theFewRequestsThatMayWaitAreCountedPerMailboxWhateverTheSpelling() {
        String owner = Canary.email("declines-spellings");
        String local = owner.substring(0, owner.indexOf('@'));
        Visitor stranger = new Visitor(port, "203.0.113.61");
        for (String spelling : List.of(owner, local + "+1@example.org", local.toUpperCase() + "+2@EXAMPLE.org")) {
            assertThat(filing.file(stranger, spelling).statusCode()).isEqualTo(202);
        }
        assertThat(RequestFiling.code(filing.file(new Visitor(port, "203.0.113.62"), local + "+3@example.org")))
                .isEqualTo("too-many-unverified");
        assertThat(RequestFiling.code(filing.file(new Visitor(port, "203.0.113.63"), owner)))
                .isEqualTo("too-many-unverified");

        String unicode = "ann-" + System.nanoTime() + "@münchen.example";
        Visitor another = new Visitor(port, "203.0.113.64");
        for (int i = 0; i < 3; i++) {
            assertThat(filing.file(another, unicode).statusCode()).isEqualTo(202);
        }
        assertThat(RequestFiling.code(
                        filing.file(new Visitor(port, "203.0.113.65"), unicode.replace("münchen", "xn--mnchen-3ya"))))
                .as("the domain's ASCII spelling is the same mailbox")
                .isEqualTo("too-many-unverified");
    }
}
