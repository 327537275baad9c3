package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.consent.ConsentLedger;
import dev.steward.disclosures.Disclosures;
import dev.steward.mail.Mailer;
import dev.steward.mail.OutgoingMail;
import dev.steward.test.Canary;
import dev.steward.test.Json;
import dev.steward.test.LabCustomers;
import dev.steward.test.Packages;
import dev.steward.test.StewardTest;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A person's copy of their data lists the e-mails Steward wrote to them (a reply, a notice of a change), without their
 * content, in their language on the summary: theirs only, and only the site's.
 */
@StewardTest
class MailAccessExportTest {

    @Autowired
    AccessExport export;

    @Autowired
    Mailer mailer;

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    Disclosures disclosures;

    @Test
    void theAccessPackageListsTheMailsWrittenToThePersonAndNoOneElses() throws IOException {
        LabCustomers customers = new LabCustomers(vault, identities, ledger, disclosures);
        SubjectId ada = customers.subscriber("mail-export-ada");
        SubjectId bob = customers.subscriber("mail-export-bob");
        mailer.queue(OutgoingMail.operational(
                "lab", ada, Canary.email("mail-export-ada"), "We changed our notice", "What changed."));
        mailer.queue(OutgoingMail.service(
                "lab", ada, Canary.email("mail-export-ada"), "Your request", "Your copy is ready."));
        mailer.queue(OutgoingMail.service(
                "lab", bob, Canary.email("mail-export-bob"), "Bob's request", "Bob's copy is ready."));

        Map<String, String> english = Packages.files(export.of(ada, "lab", Locale.ENGLISH));
        JsonNode mails = Json.read(english.get("steward-access.json")).get("mails");

        assertThat(mails.valueStream().map(mail -> mail.get("kind").asString()))
                .containsExactly("operational", "service");
        assertThat(mails.valueStream().map(mail -> mail.get("site").asString())).containsOnly("lab");
        assertThat(mails.get(0).get("queuedAt").isNull()).isFalse();
        assertThat(english.get("steward-access.json"))
                .doesNotContain("We changed our notice")
                .doesNotContain("Bob")
                .doesNotContain(bob.toString());
        assertThat(english.get("summary.html"))
                .contains("Other e-mails we wrote to you")
                .contains("A reply to your request or question, written ")
                .doesNotContain("access.mail");
        assertThat(Packages.files(export.of(ada, "lab", Locale.GERMAN)).get("summary.html"))
                .contains("Weitere E-Mails, die wir Ihnen geschrieben haben")
                .contains("Eine Antwort auf Ihre Anfrage oder Frage, geschrieben ");
    }
}
