package dev.steward.newsletter;

import dev.steward.consent.ConsentDecisions;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.vault.Addressees;
import dev.steward.vault.SubjectId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Pseudonymous tracking of opens and clicks (seed 001 §3.4): per subscription a random pseudonym, which is all a
 * pixel or click URL carries besides the campaign. Events are recorded only while the pseudonym is linked to a
 * subscription and its person's consents to the list and to the evaluation are current at that moment (checked at
 * every event, as when a message goes); unsubscribing, withdrawing that consent or erasure cuts the link and leaves
 * anonymous counts. A click is redirected only to a link the campaign contains.
 */
@Service
class Tracking {

    private static final int PSEUDONYM_BYTES = 16;

    /** The length of every pseudonym as a URL carries it (hex). */
    static final int PSEUDONYM_LENGTH = 2 * PSEUDONYM_BYTES;

    private final TrackingRepository repository;
    private final CampaignRepository campaigns;
    private final Addressees addressees;
    private final ConsentDecisions decisions;
    private final TrackingConsents consents;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Tracking(
            TrackingRepository repository,
            CampaignRepository campaigns,
            Addressees addressees,
            ConsentDecisions decisions,
            TrackingConsents consents,
            Clock clock) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.addressees = addressees;
        this.decisions = decisions;
        this.consents = consents;
        this.clock = clock;
    }

    /** The pseudonyms (hex) of these subscriptions, made where missing; by the address's blind index as hex. */
    Map<String, String> pseudonyms(String site, String list, List<byte[]> emailIndexes) {
        if (emailIndexes.isEmpty()) {
            return Map.of();
        }
        List<byte[]> fresh = new ArrayList<>(emailIndexes.size());
        for (int i = 0; i < emailIndexes.size(); i++) {
            byte[] pseudonym = new byte[PSEUDONYM_BYTES];
            random.nextBytes(pseudonym);
            fresh.add(pseudonym);
        }
        Map<String, String> pseudonyms = new HashMap<>();
        repository
                .pseudonyms(site, list, emailIndexes, fresh, clock.instant())
                .forEach((index, pseudonym) ->
                        pseudonyms.put(index, HexFormat.of().formatHex(pseudonym)));
        return pseudonyms;
    }

    void opened(String site, UUID campaign, String pseudonym) {
        record(site, campaign, pseudonym, TrackingRepository.OPENS);
    }

    /**
     * Where the click leads: the campaign's link at that position; nothing for anything else. Recorded only when
     * {@code record} (a person's click, not a scanner's look).
     */
    Optional<String> clicked(String site, UUID campaign, int link, String pseudonym, boolean record) {
        Optional<Campaign> found = campaigns.find(campaign).filter(c -> c.site().equals(site));
        if (found.isEmpty() || link < 0 || link >= found.get().links().size()) {
            return Optional.empty();
        }
        if (record) {
            record(site, campaign, pseudonym, link);
        }
        return Optional.of(found.get().links().get(link));
    }

    private void record(String site, UUID campaign, String pseudonym, int link) {
        byte[] bytes = parse(pseudonym);
        if (bytes == null) {
            return;
        }
        Instant now = clock.instant();
        campaigns
                .find(campaign)
                .filter(found -> found.site().equals(site))
                .filter(found -> repository
                        .linked(bytes, site, found.purpose())
                        .filter(emailIndex -> stillCovered(found, emailIndex, now))
                        .isPresent())
                .ifPresent(found -> repository.event(campaign, bytes, link, now));
    }

    /**
     * Whether the person behind the pseudonym still receives the list and may be tracked: a restriction, a consent that
     * ran out or a catalog that stopped declaring the evaluation cut no pseudonym, yet end the tracking all the same.
     */
    private boolean stillCovered(Campaign campaign, byte[] emailIndex, Instant now) {
        List<List<SubjectId>> person = List.of(addressees.carrying(emailIndex));
        if (person.get(0).isEmpty()) {
            return false;
        }
        try {
            return decisions
                            .decideEach(campaign.site(), List.of(campaign.purpose()), person, now)
                            .get(campaign.purpose())
                            .get(0)
                            .allowed()
                    && consents.cover(campaign.site(), person, now).get(0);
        } catch (InvalidInputException | NotFoundException e) {
            // the catalog no longer declares the list's purpose on the site
            return false;
        }
    }

    /**
     * Cuts the address's subscriptions (of one list, or all of the site, or everywhere) from their pseudonyms: their
     * events become counts.
     */
    void anonymise(byte[] emailIndex, @Nullable String site, @Nullable String list) {
        repository.anonymise(emailIndex, site, list);
    }

    /** People who opened, clicked any link, and clicked each link, as far as they may be counted. */
    TrackingFigures figures(Campaign campaign) {
        Map<Integer, Long> people = repository.people(campaign.id());
        List<Long> byLink = new ArrayList<>();
        for (int i = 0; i < campaign.links().size(); i++) {
            byLink.add(people.getOrDefault(i, 0L));
        }
        return new TrackingFigures(
                people.getOrDefault(TrackingRepository.OPENS, 0L),
                people.getOrDefault(TrackingRepository.ANY_CLICK, 0L),
                byLink);
    }

    record TrackingFigures(long opened, long clicked, List<Long> clickedByLink) {}

    private static byte @Nullable [] parse(String pseudonym) {
        if (pseudonym.length() != PSEUDONYM_BYTES * 2) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(pseudonym);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
