package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.StewardTest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The access package's summary lists, under each record, the rights of the jurisdiction the record was collected
 * under: Olympus's default is Japan, and a visitor from the EU reads the GDPR's rights.
 */
@StewardTest
class AccessSummaryRightsTest {

    @Autowired
    AccessSummary summary;

    @Test
    void aRecordCollectedInTheEuListsTheGdprRights() {
        List<AccessSummary.Right> rights = rightsOf("EU");

        assertThat(rights)
                .extracting(AccessSummary.Right::title)
                .contains("Right to withdraw the data protection declaration of consent");
        assertThat(rights).extracting(AccessSummary.Right::link).allMatch(link -> link.contains("?region=EU&"));
        assertThat(rights).extracting(AccessSummary.Right::title).doesNotContain("Disclosing personal information");
    }

    @Test
    void aRecordCollectedInJapanListsTheAppiRights() {
        assertThat(rightsOf("JP")).extracting(AccessSummary.Right::title).contains("Disclosing personal information");
    }

    @Test
    void aJurisdictionTheSiteNoLongerServesFallsBackToItsDefault() {
        assertThat(rightsOf("BR")).extracting(AccessSummary.Right::title).contains("Disclosing personal information");
    }

    private List<AccessSummary.Right> rightsOf(String jurisdiction) {
        SubjectExport.Record record = new SubjectExport.Record(
                "00000000-0000-0000-0000-000000000001",
                "olympus-ims",
                "contact-form",
                "Contact form",
                "2026-01-02T03:04:05Z",
                "2018-04-03",
                "gdpr-6-1-a",
                jurisdiction,
                "active",
                null,
                Map.of());
        SubjectExport export = new SubjectExport(
                "00000000-0000-0000-0000-000000000002",
                "Olympus",
                Instant.parse("2026-12-06T00:00:00Z"),
                List.of(),
                List.of(record),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        return summary.items(export, null, Locale.ENGLISH).get(0).rights();
    }
}
