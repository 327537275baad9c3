package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Json;
import dev.steward.test.LabTestBase;
import dev.steward.test.Pages;
import dev.steward.test.SeedForms;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The attack of 2026-12-06 (attack13, H2): five wrong codes ended a request, but a new request for the same address
 * brought five fresh guesses and mailed the victim again, so loops could guess a six-digit code within hours. Wrong
 * codes now count per address across its requests ({@code steward.rights.wrong-codes}: 10 in 24 hours by default), a
 * request cancelled for wrong codes still counts as waiting, and filing and codes take from the forms' buckets.
 */
@StewardTest
class GuessedCodesTest extends LabTestBase {

    static final String REQUESTS = RequestFiling.REQUESTS;
    static final String CENTER = "/s/lab/privacy-center";

    private RequestFiling filing;

    @BeforeEach
    void newFiling() {
        filing = new RequestFiling(clock, inbox);
    }

    @Test
    void theAttackersLoopIsRefusedAfterTenWrongCodesAndTheVictimGetsNoMoreMail() {
        String victim = Canary.email("guessed-victim");
        Visitor attacker = new Visitor(port);

        List<String> answers = new ArrayList<>();
        String statusToken = null;
        for (int round = 0; round < 4; round++) {
            HttpResponse<String> filed = filing.file(attacker, victim);
            answers.add(filed.statusCode() + " " + RequestFiling.code(filed));
            if (filed.statusCode() != 202) {
                continue;
            }
            statusToken = Json.read(filed.body()).get("statusToken").asString();
            String wrong = filing.wrongCode(victim);
            for (int attempt = 0; attempt < RequestVerification.CODE_ATTEMPTS; attempt++) {
                HttpResponse<String> guessed = filing.guess(attacker, statusToken, wrong);
                answers.add(guessed.statusCode() + " " + RequestFiling.code(guessed));
            }
        }

        assertThat(answers)
                .as("five guesses end the first request; the tenth wrong code for the address locks codes for it;"
                        + " a third request is mailed (two cancelled ones count as waiting) but takes no code, not"
                        + " even the right one; a fourth is refused")
                .containsExactly(
                        "202 null",
                        "422 wrong-code",
                        "422 wrong-code",
                        "422 wrong-code",
                        "422 wrong-code",
                        "422 too-many-attempts",
                        "202 null",
                        "422 wrong-code",
                        "422 wrong-code",
                        "422 wrong-code",
                        "422 wrong-code",
                        "429 too-many-wrong-codes",
                        "202 null",
                        "429 too-many-wrong-codes",
                        "429 too-many-wrong-codes",
                        "429 too-many-wrong-codes",
                        "429 too-many-wrong-codes",
                        "429 too-many-wrong-codes",
                        "422 too-many-unverified");
        assertThat(inbox.countTo(victim)).as("one mail per accepted request").isEqualTo(3);

        HttpResponse<String> right =
                filing.guess(new Visitor(port), String.valueOf(statusToken), filing.rightCode(victim));
        assertThat(right.statusCode()).as("the right code, from anywhere").isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(seconds ->
                        assertThat(seconds).isBetween(1L, Duration.ofHours(24).toSeconds()));
        assertThat(right.body()).contains("\"field\":\"code\"").doesNotContain(victim);

        for (int round = 0; round < 3; round++) {
            assertThat(filing.file(new Visitor(port), victim).statusCode())
                    .as("filing again from other IP addresses: too-many-unverified, then the forms' bucket per address")
                    .isIn(422, 429);
        }
        assertThat(inbox.countTo(victim)).as("no more mail").isEqualTo(3);
    }

    @Test
    void aPersonWhoMistypesStillConfirmsAnotherAddressIsUnaffectedAndTheMailedLinkStillWorks() {
        String victim = Canary.email("locked-out");
        Visitor attacker = new Visitor(port);
        lockCodes(attacker, victim);
        HttpResponse<String> waiting = filing.file(attacker, victim);
        assertThat(waiting.statusCode()).isEqualTo(202);
        assertThat(filing.guess(
                                attacker,
                                Json.read(waiting.body()).get("statusToken").asString(),
                                "000000")
                        .statusCode())
                .isEqualTo(429);

        String other = Canary.email("mistyped-once");
        Visitor person = new Visitor(port);
        HttpResponse<String> filed = filing.file(person, other);
        assertThat(filed.statusCode()).isEqualTo(202);
        String statusToken = Json.read(filed.body()).get("statusToken").asString();
        assertThat(RequestFiling.code(filing.guess(person, statusToken, filing.wrongCode(other))))
                .isEqualTo("wrong-code");
        HttpResponse<String> confirmed = filing.guess(person, statusToken, filing.rightCode(other));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("\"status\":\"received\"");

        String link = inbox.find(victim, "verify\\?token=([\\w-]+)");
        HttpResponse<String> byLink =
                new Visitor(port).postJson(REQUESTS + "/verification", "{\"token\":\"" + link + "\"}");
        assertThat(byLink.statusCode())
                .as("the victim's own link cannot be guessed and still confirms")
                .isEqualTo(200);
    }

    @Test
    void theLockEndsWithItsWindow() {
        String email = Canary.email("locked-a-day");
        Visitor visitor = new Visitor(port);
        lockCodes(visitor, email);
        HttpResponse<String> third = filing.file(visitor, email);
        assertThat(third.statusCode()).isEqualTo(202);
        String statusToken = Json.read(third.body()).get("statusToken").asString();
        String code = filing.rightCode(email);
        assertThat(filing.guess(visitor, statusToken, code).statusCode()).isEqualTo(429);

        clock.advance(Duration.ofHours(23));
        assertThat(filing.guess(visitor, statusToken, code).statusCode())
                .as("still within the window")
                .isEqualTo(429);

        // the request waited 24 hours for its code and expired; a new one after the window takes codes again
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        HttpResponse<String> again = filing.file(visitor, email);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        HttpResponse<String> confirmed =
                filing.guess(visitor, Json.read(again.body()).get("statusToken").asString(), filing.rightCode(email));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({
        "en, Too many wrong codes were entered for this address, Ended: too many wrong codes were entered",
        "de, Für diese Adresse wurden zu viele falsche Codes eingegeben, Beendet: zu viele falsche Codes eingegeben",
        "ja, このアドレスには誤ったコードが多く入力されました, 誤ったコードが多く入力されたため終了しました"
    })
    void theRequestsPageRefusesCodesOnceTheAddressIsLockedInTheVisitorsLanguage(
            String language, String refusal, String ended) {
        String email = Canary.email("page-guessed-" + language);
        Visitor attacker = new Visitor(port);
        List<Integer> statuses = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            String statusPage = fileOnPage(attacker, email, language);
            String wrong = filing.wrongCode(email);
            for (int attempt = 0; attempt < RequestVerification.CODE_ATTEMPTS && round < 2; attempt++) {
                HttpResponse<String> guessed = codeOnPage(attacker, statusPage, wrong, language);
                statuses.add(guessed.statusCode());
                pages.add(guessed.body());
            }
            if (round == 0) {
                assertThat(Pages.text(attacker.get(statusPage, "Accept-Language", language)
                                .body()))
                        .as("the request's page says what ended it")
                        .contains(ended);
            }
            if (round == 2) {
                HttpResponse<String> right = codeOnPage(attacker, statusPage, filing.rightCode(email), language);
                assertThat(right.statusCode()).as("even the right code").isEqualTo(429);
                assertThat(right.headers().firstValue("Retry-After")).isPresent();
                assertThat(Pages.text(right.body())).contains(refusal).doesNotContain(email);
                assertThat(attacker.get(statusPage).body())
                        .as("still waiting: the code was not taken")
                        .contains("name=\"code\"");
            }
        }
        assertThat(statuses).containsExactly(422, 422, 422, 422, 422, 422, 422, 422, 422, 429);
        assertThat(Pages.text(pages.get(pages.size() - 1))).contains(refusal);

        HttpResponse<String> fourth = attacker.postForm(
                CENTER + "/requests",
                Map.of(
                        "_csrf",
                        Console.csrf(attacker.get(CENTER + "/rights/access?region=EU", "Accept-Language", language)
                                .body()),
                        "type",
                        "access",
                        "region",
                        "EU",
                        "email",
                        email),
                "Accept-Language",
                language);
        assertThat(fourth.statusCode()).as("no redirect to a new request").isEqualTo(422);
        assertThat(inbox.countTo(email)).isEqualTo(3);
    }

    @Test
    void rightsRequestsAndTheirCodesShareTheFormsRateLimitPerIpAddress() {
        Visitor sender = new Visitor(port);
        HttpResponse<String> filed = filing.file(sender, Canary.email("rate-limited-requester"));
        assertThat(filed.statusCode()).isEqualTo(202);
        String statusToken = Json.read(filed.body()).get("statusToken").asString();
        // the forms' bucket for one IP address holds 30 (STEWARD_RATE_LIMIT_PER_IP); a refused form post takes one too
        for (int i = 0; i < 29; i++) {
            assertThat(sender.postJson(SeedForms.olympusContact().apiPath(), "{}")
                            .statusCode())
                    .isNotEqualTo(429);
        }

        HttpResponse<String> limited = filing.file(sender, Canary.email("rate-limited-other"));
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
        assertThat(RequestFiling.code(limited)).isEqualTo("rate-limited");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> guessed = filing.guess(sender, statusToken, "000000");
        assertThat(guessed.statusCode()).isEqualTo(429);
        assertThat(RequestFiling.code(guessed)).isEqualTo("rate-limited");
        assertThat(inbox.countTo(Canary.email("rate-limited-other"))).isZero();

        String page = sender.get(CENTER + "/rights/access?region=EU").body();
        HttpResponse<String> onPage = sender.postForm(
                CENTER + "/requests",
                Map.of(
                        "_csrf",
                        Console.csrf(page),
                        "type",
                        "access",
                        "region",
                        "EU",
                        "email",
                        Canary.email("rate-limited-page")));
        assertThat(onPage.statusCode()).isEqualTo(429);
        assertThat(Pages.text(onPage.body())).contains("Too many submissions from you in a short time");
    }

    /** Ten wrong codes for the address, over two requests: the tenth locks codes for it. */
    private void lockCodes(Visitor visitor, String email) {
        String last = null;
        for (int round = 0; round < 2; round++) {
            HttpResponse<String> filed = filing.file(visitor, email);
            assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
            String statusToken = Json.read(filed.body()).get("statusToken").asString();
            String wrong = filing.wrongCode(email);
            for (int attempt = 0; attempt < RequestVerification.CODE_ATTEMPTS; attempt++) {
                last = RequestFiling.code(filing.guess(visitor, statusToken, wrong));
            }
        }
        assertThat(last).isEqualTo("too-many-wrong-codes");
    }

    /** The request's page, after filing it on the right's page in the visitor's language. */
    private String fileOnPage(Visitor visitor, String email, String language) {
        clock.advance(Duration.ofSeconds(1));
        String form = visitor.get(CENTER + "/rights/access?region=EU", "Accept-Language", language)
                .body();
        HttpResponse<String> sent = visitor.postForm(
                CENTER + "/requests",
                Map.of("_csrf", Console.csrf(form), "type", "access", "region", "EU", "email", email),
                "Accept-Language",
                language);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        return URI.create(sent.headers().firstValue("Location").orElseThrow()).getRawPath();
    }

    private HttpResponse<String> codeOnPage(Visitor visitor, String statusPage, String code, String language) {
        String page = visitor.get(statusPage, "Accept-Language", language).body();
        return visitor.postForm(
                statusPage + "/verify", Map.of("_csrf", Console.csrf(page), "code", code), "Accept-Language", language);
    }
}
