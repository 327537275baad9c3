package dev.steward.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Finishes a registration as its registrant does: opens the link mailed to the address, types the password, confirms.
 * And resets a password the same way.
 */
public final class Registrations {

    private Registrations() {}

    /** With the password of the seed forms. */
    public static void verify(int port, String site, String email) {
        verify(port, site, email, SeedForms.PASSWORD);
    }

    public static void verify(int port, String site, String email, String password) {
        verifyWith(port, verificationLink(port, site, email), password);
    }

    /** Opens the verification link (its path), types the password and presses its page's button. */
    public static void verifyWith(int port, String link, String password) {
        HttpResponse<String> answer = new Visitor(port).submit(link, link, Map.of("password", password));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(Pages.text(answer.body())).contains("Your address is confirmed");
    }

    /** Asks for a reset link for the address's account, as anyone may, and sets the password with it. */
    public static void resetPassword(int port, String site, String email, String password) {
        String reset = "/s/" + site + "/account/reset";
        new Visitor(port).submit(reset, reset, Map.of("login", email));
        String link = Mailboxes.link(port, email, "Reset your password", reset + "/");
        HttpResponse<String> answer = new Visitor(port).submit(link, link, Map.of("password", password));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    }

    public static String verificationLink(int port, String site, String email) {
        return Mailboxes.link(port, email, "Confirm your e-mail address", "/s/" + site + "/account/verify/");
    }
}
