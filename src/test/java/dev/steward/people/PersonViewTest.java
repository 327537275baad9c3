package dev.steward.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.LabCustomers;
import dev.steward.test.SeedForms;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.vault.ClaimedIdentifier;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.NewRecord;
import dev.steward.vault.RecordState;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff find a person by what they gave and read their whole file on one page, in words; the search leaves the address
 * nowhere, is audited, and stops at the sites a member may see.
 */
@StewardTest
class PersonViewTest {

    private static final String RAW_TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LabCustomers customers;

    @Autowired
    Identities identities;

    @Autowired
    Vault vault;

    /**
     * A person known on two sites (a review joined their submissions) carries a phone number only Omron's customer
     * service was given: a member of the lab sees the address the lab holds and not the phone number; it showed every
     * identifier (attack22 F4). A member of every site sees both.
     */
    @Test
    void aMemberOfOneSiteSeesOnlyTheIdentifiersTheirSiteWasGiven() {
        String who = SeedForms.unique("two-sites");
        String phone = phoneOf(who);
        SubjectId subject = knownOnTwoSites(who, phone);
        String digits = phone.replaceAll("[^0-9+]", "");

        String lab = Console.signIn(port, StaffUsers.add(port, "PRIVACY_OFFICER", "lab"), StaffUsers.PASSWORD)
                .get("/admin/people/" + subject)
                .body();
        assertThat(lab)
                .contains(Canary.email(who))
                .doesNotContain(digits)
                .contains("Only the identifiers your sites were given are shown.");

        String omron = Console.signIn(
                        port, StaffUsers.add(port, "PRIVACY_OFFICER", SeedForms.OMRON), StaffUsers.PASSWORD)
                .get("/admin/people/" + subject)
                .body();
        assertThat(omron).contains(digits).doesNotContain(Canary.email(who));

        String admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD)
                .get("/admin/people/" + subject)
                .body();
        assertThat(admin)
                .contains(Canary.email(who))
                .contains(digits)
                .doesNotContain("Only the identifiers your sites were given are shown.");
    }

    /**
     * The same person, where only the lab holds the address and only Omron the phone number: a member of one site finds
     * them by what their site was given and by nothing else. The lab's member found them by Omron's phone number, and
     * so learnt whose number it is, which the page keeps from them (attack23); Omron's by the lab's address.
     */
    @Test
    void aMemberOfOneSiteFindsAPersonOnlyByWhatTheirSiteWasGiven() {
        String who = SeedForms.unique("two-sites-found");
        String phone = phoneOf(who);
        SubjectId subject = knownOnTwoSites(who, phone);
        Console lab = Console.signIn(port, StaffUsers.add(port, "PRIVACY_OFFICER", "lab"), StaffUsers.PASSWORD);
        Console omron =
                Console.signIn(port, StaffUsers.add(port, "PRIVACY_OFFICER", SeedForms.OMRON), StaffUsers.PASSWORD);
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        assertThat(search(lab, "phone", phone)).contains("Nobody on your sites").doesNotContain(subject.toString());
        assertThat(search(omron, "email", Canary.email(who)))
                .contains("Nobody on your sites")
                .doesNotContain(subject.toString());

        assertThat(search(lab, "email", Canary.email(who))).contains("/admin/people/" + subject);
        assertThat(search(omron, "phone", phone)).contains("/admin/people/" + subject);
        assertThat(search(admin, "phone", phone)).contains("/admin/people/" + subject);
        assertThat(search(admin, "email", Canary.email(who))).contains("/admin/people/" + subject);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'find-person' AND subject_id = :subject")
                        .param("subject", subject.value())
                        .query(Long.class)
                        .single())
                .as("only the searches that found the person name them in the audit trail")
                .isEqualTo(4);
    }

    private String search(Console staff, String kind, String value) {
        HttpResponse<String> found =
                staff.submit("/admin/people", "/admin/people", Map.of("kind", kind, "value", value));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return found.body();
    }

    private static String phoneOf(String who) {
        return "+49 30 " + (1000000 + (who.hashCode() & 0x7ffff));
    }

    /** A person a review joined: the lab's newsletter holds their address, Omron's customer service their phone. */
    private SubjectId knownOnTwoSites(String who, String phone) {
        SubjectId subject = identities.newSubject(List.of(
                ClaimedIdentifier.of(Identifier.email(Canary.email(who))),
                ClaimedIdentifier.of(Identifier.phone(phone))));
        vault.store(subject, LabCustomers.newsletter(Map.of("email", Canary.email(who))));
        vault.store(
                subject,
                new NewRecord(
                        SeedForms.OMRON,
                        "customer-service",
                        "1",
                        "us-notice",
                        "US",
                        "until-answered",
                        null,
                        RecordState.ACTIVE,
                        Map.of("phone", phone)));
        return subject;
    }

    @Test
    void anAdministratorFindsAPersonByAddressAndReadsTheirFileInWords() {
        String who = SeedForms.unique("pat");
        SubjectId subject = customers.customer(who);
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        HttpResponse<String> found = admin.submit(
                "/admin/people",
                "/admin/people",
                Map.of("kind", "email", "value", "  " + Canary.email(who).toUpperCase() + " "));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).contains("/admin/people/" + subject).contains("A person on Steward Lab");

        HttpResponse<String> opened = admin.get("/admin/people/" + subject);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        String page = opened.body();
        assertThat(page)
                .contains(Canary.email(who))
                .contains("Monthly lab newsletter")
                .contains("consent (Art. 6(1)(a) GDPR)")
                .contains("In use")
                .contains("/receipts/")
                .contains("/admin/holds?subject=" + subject)
                .contains("/admin/audit?subject=" + subject)
                .doesNotContain("gdpr-6-1-a", ">newsletter<", "ACTIVE", "GIVEN")
                .doesNotContainPattern(RAW_TIMESTAMP);

        List<String> audited = jdbc.sql("SELECT action FROM audit_event WHERE subject_id = :subject")
                .param("subject", subject.value())
                .query(String.class)
                .list();
        assertThat(audited).contains("find-person", "read-person");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE audit_event::text ILIKE :address")
                        .param("address", "%" + Canary.email(who) + "%")
                        .query(Long.class)
                        .single())
                .as("the audit trail names the person by id, never by the address searched")
                .isZero();
    }

    @Test
    void aMemberLimitedToAnotherSiteFindsNobodyThereAndCannotOpenThePerson() {
        String who = SeedForms.unique("quinn");
        SubjectId subject = customers.subscriber(who);
        Console omronOfficer =
                Console.signIn(port, StaffUsers.add(port, "PRIVACY_OFFICER", SeedForms.OMRON), StaffUsers.PASSWORD);

        HttpResponse<String> found = omronOfficer.submit(
                "/admin/people", "/admin/people", Map.of("kind", "email", "value", Canary.email(who)));

        assertThat(found.body()).contains("Nobody on your sites").doesNotContain(subject.toString());
        assertThat(omronOfficer.get("/admin/people/" + subject).statusCode()).isEqualTo(404);
        Console auditor = Console.signIn(port, StaffUsers.add(port, "AUDITOR", null), StaffUsers.PASSWORD);
        assertThat(auditor.get("/admin/people").statusCode()).isEqualTo(403);
    }

    @Test
    void aSearchWithoutAValueOrWithAnUnknownKindSaysWhatToFixAndFindsNothing() {
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        long before = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'find-person'")
                .query(Long.class)
                .single();

        HttpResponse<String> blank =
                admin.submit("/admin/people", "/admin/people", Map.of("kind", "email", "value", " "));
        HttpResponse<String> unknown =
                admin.submit("/admin/people", "/admin/people", Map.of("kind", "passport", "value", "X1"));
        HttpResponse<String> noDigits =
                admin.submit("/admin/people", "/admin/people", Map.of("kind", "phone", "value", "call me"));

        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("Type the e-mail address, user name or phone number.");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("Choose an e-mail address, a user name or a phone number.");
        assertThat(noDigits.statusCode()).isEqualTo(422);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'find-person'")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }
}
