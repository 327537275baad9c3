package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * attack16: which spellings an e-mail address may have. Those a mail server reads as another spelling of the same
 * mailbox, or does not take at all, are refused; so are fullwidth letters and the Kelvin sign, which Java's lower-casing
 * (the blind index's normalisation) folds into ASCII, so that one person's address could be named in another spelling.
 */
class EmailAddressesTest {

    @Test
    void ordinaryAndInternationalAddressesAreTaken() {
        assertThat(List.of(
                        "ann@example.org",
                        "Ann.Lee@Example.ORG",
                        "o'brien+news@mail.example.co.uk",
                        "a_b-c@sub-domain.example",
                        "x@x.test",
                        "jos\u00e9@b\u00fccher.example",
                        "\u7530\u4e2d@\u4f8b\u3048.jp",
                        "ann@example.xn--p1ai"))
                .allSatisfy(address ->
                        assertThat(EmailAddresses.valid(address)).as(address).isTrue());
    }

    @Test
    void otherSpellingsOfAMailboxAndWhatNoServerTakesAreRefused() {
        assertThat(List.of(
                        "ann@example.org.",
                        "\"ann\"@example.org",
                        "ann@[192.0.2.1]",
                        "ann@[IPv6:2001:db8::1]",
                        "ann@example..org",
                        ".ann@example.org",
                        "ann.@example.org",
                        "a..nn@example.org",
                        "a,b@example.org",
                        "<ann>@example.org",
                        "ann@exa(mple.org",
                        "ann lee@example.org",
                        "ann@example",
                        "ann@-example.org",
                        "ann@example.o",
                        "ann@@example.org",
                        "\uff41nn@example.org",
                        "\u212Aate@example.org",
                        "ann@example.org\u200b",
                        "a".repeat(65) + "@example.org",
                        "ann@" + "a".repeat(250) + ".org",
                        ""))
                .allSatisfy(address ->
                        assertThat(EmailAddresses.valid(address)).as(address).isFalse());
    }
}
