package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A subject's words packed for the consent index's cache come back equal, texts and all. */
class PackedWordsTest {

    private final PackedWords packed = new PackedWords();

    @Test
    void everyWordComesBackAsItWasRead() {
        SubjectId subject = SubjectId.random();
        List<SubjectConsents.Latest> latest = new ArrayList<>();
        ConsentAction[] actions = ConsentAction.values();
        for (int i = 0; i < actions.length; i++) {
            latest.add(new SubjectConsents.Latest(
                    i % 2 == 0 ? "olympus-ims" : "omron-healthcare",
                    "purpose-" + i,
                    LatestConsent.of(
                            1_000_000_000_000L + i,
                            UUID.randomUUID(),
                            actions[i],
                            Instant.parse("2026-12-06T23:0" + i + ":01.123456Z"),
                            "2026-0" + (i % 3 + 1),
                            i % 3 == 0 ? "EU" : "US-CA",
                            i % 2 == 0 ? null : Instant.parse("2027-12-06T00:00:00Z"))));
        }
        SubjectConsents consents = new SubjectConsents(latest, List.of("lab", "omron-healthcare"));

        long[] entry = packed.pack(subject, consents);

        assertThat(entry).hasSize(PackedWords.HEAD + PackedWords.LONGS * actions.length + 2);
        assertThat(entry[0]).isEqualTo(subject.value().getMostSignificantBits());
        assertThat(entry[1]).isEqualTo(subject.value().getLeastSignificantBits());
        SubjectConsents unpacked = packed.unpack(entry);
        assertThat(unpacked).isEqualTo(consents);
        assertThat(unpacked.knownOn("lab"))
                .as("a site known by other data, not words")
                .isTrue();
        assertThat(unpacked.knownOn("elsewhere")).isFalse();
        assertThat(unpacked.latestOrNull("omron-healthcare", "purpose-1").receiptPath())
                .isEqualTo(
                        consents.latestOrNull("omron-healthcare", "purpose-1").receiptPath());
        assertThat(unpacked.latestOrNull("olympus-ims", "purpose-0").grantsAt(Instant.parse("2100-01-01T00:00:00Z")))
                .as("no expiry stays none")
                .isTrue();
        assertThat(unpacked.jurisdictionOn("olympus-ims", "fallback"))
                .isEqualTo(consents.jurisdictionOn("olympus-ims", "fallback"));
    }

    @Test
    void aSubjectWithoutWordsOrSitesIsTheirIdAlone() {
        SubjectId subject = SubjectId.random();
        long[] entry = packed.pack(subject, new SubjectConsents(List.of(), List.of()));
        assertThat(entry)
                .containsExactly(
                        subject.value().getMostSignificantBits(),
                        subject.value().getLeastSignificantBits(),
                        0L);
        assertThat(packed.unpack(entry).latest()).isEmpty();
    }

    @Test
    void textsKeepTheirNumbersAcrossSubjectsAndManyOfThem() {
        List<SubjectConsents> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            all.add(new SubjectConsents(
                    List.of(new SubjectConsents.Latest(
                            "site-" + i % 7,
                            "purpose-" + i,
                            LatestConsent.of(
                                    i,
                                    UUID.randomUUID(),
                                    ConsentAction.GIVEN,
                                    Instant.ofEpochSecond(i),
                                    "notice-" + i,
                                    "jurisdiction-" + i % 11,
                                    null))),
                    List.of("site-" + i % 5)));
        }
        List<long[]> entries = all.stream()
                .map(consents -> packed.pack(SubjectId.random(), consents))
                .toList();
        for (int i = 0; i < all.size(); i++) {
            assertThat(packed.unpack(entries.get(i))).isEqualTo(all.get(i));
        }
    }
}
