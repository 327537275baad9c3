package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * attack16: a page's address with a value of the wrong shape where an id goes (an e-mail address pasted for a
 * receipt's or a person's id) answered 400 and Spring logged the refusal with the value quoted, so what a visitor or a
 * member of staff typed reached the log. Now the address names a page that does not exist (404), a parameter of the
 * wrong shape is a bad request (400), each as a page in the reader's language, and nothing of the value is logged; nor
 * is a header Spring cannot parse.
 */
@StewardTest
@ExtendWith(OutputCaptureExtension.class)
class WrongShapedAddressesTest {

    private static final String[] BROWSER = {"Accept", "text/html"};

    @LocalServerPort
    int port;

    @Test
    void anAddressWithAnEmailForAnIdIsNotFoundAndTheAddressIsNotLogged(CapturedOutput output) {
        String email = Canary.email("pasted");
        Http visitor = new Http(port);
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        List<HttpResponse<String>> answers = List.of(
                visitor.get("/receipts/" + email, BROWSER),
                visitor.get("/s/olympus-ims/cookie-choices/" + email, BROWSER),
                admin.http().get("/admin/people/" + email, BROWSER),
                admin.http().get("/admin/inquiries/" + email, BROWSER));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(404);
            assertThat(answer.body()).contains("<h1>This page is not available</h1>");
        });
        assertThat(output.getAll()).doesNotContain(email);
    }

    /** Headers that cannot be parsed are answered as before, and what they held is not logged either. */
    @Test
    void headersThatCannotBeParsedAreRefusedAndNotLogged(CapturedOutput output) {
        String email = Canary.email("header");
        Http caller = new Http(port);

        HttpResponse<String> body = caller.post(
                "/api/v1/sites/olympus-ims/requests", "text/plain; from=" + email, "{}", "Accept", "application/json");
        HttpResponse<String> accept = caller.get("/s/olympus-ims/privacy.json", "Accept", email + "/json");

        assertThat(body.statusCode()).isEqualTo(415);
        assertThat(body.body()).contains("\"code\":\"unsupported-media-type\"");
        assertThat(accept.statusCode()).isEqualTo(406);
        assertThat(output.getAll()).doesNotContain(email);
    }

    @Test
    void aParameterOfTheWrongShapeIsABadRequestAndIsNotLogged(CapturedOutput output) {
        String email = Canary.email("parameter");
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        HttpResponse<String> answer = admin.http().get("/admin/audit?before=" + email, BROWSER);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("<html");
        assertThat(output.getAll()).doesNotContain(email);
    }
}
