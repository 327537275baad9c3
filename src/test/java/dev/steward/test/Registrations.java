package dev.steward.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

/** Finishes a registration as its registrant does: opens the link mailed to the address and presses the button. */
public final class Registrations {

    private Registrations() {}

    public static void verify(int port, String site, String email) {
        verifyWith(port, verificationLink(port, site, email));
    }

    /** Opens the verification link (its path) and presses its page's button. */
    public static void verifyWith(int port, String link) {
        HttpResponse<String> answer = new Visitor(port).submit(link, link, Map.of());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(Pages.text(answer.body())).contains("Your address is confirmed");
    }

    public static String verificationLink(int port, String site, String email) {
        return Mailboxes.link(port, email, "Confirm your e-mail address", "/s/" + site + "/account/verify/");
    }
}
