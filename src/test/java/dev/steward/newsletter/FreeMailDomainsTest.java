package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Json;
import dev.steward.test.NpmPackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The free-mail domains Steward carries are the maintained list, unchanged (the npm package at the version its README
 * names), and a domain under one of them counts as one.
 */
class FreeMailDomainsTest {

    static final String VERSION = "1.12.6";

    private final FreeMailDomains domains = new FreeMailDomains();

    @ParameterizedTest
    @CsvSource({
        "gmail.com, true",
        "GMail.Com, true",
        "googlemail.com, true",
        "mail.gmail.com, true",
        "outlook.com, true",
        "gmx.de, true",
        "proton.me, true",
        "omronhealthcare.com, false",
        "olympus-ims.com, false",
        "lab.example, false",
        "gmail.com.evil.example, false",
        "notgmail.com, false",
        "com, false"
    })
    void aDomainIsFreeMailWhenItOrADomainItIsUnderIsListed(String domain, boolean free) {
        assertThat(domains.isFreeMail(domain)).as(domain).isEqualTo(free);
    }

    @Test
    void theBundledListIsThePackagesListUnchanged() throws IOException {
        Path folder = NpmPackage.data("free-email-domains", VERSION, "domains.json");
        List<String> published = StreamSupport.stream(
                        Json.read(Files.readString(folder.resolve("domains.json")))
                                .spliterator(),
                        false)
                .map(node -> node.asString())
                .toList();
        List<String> bundled = Files.readAllLines(Path.of("src/main/resources", FreeMailDomains.BUNDLED));

        assertThat(bundled).isEqualTo(published);
        assertThat(Files.readString(Path.of("src/main/resources/free-email-domains/README.md")))
                .contains("`free-email-domains` " + VERSION);
    }
}
