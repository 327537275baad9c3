package dev.steward.newsletter;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.Site;
import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentDecisions;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.consent.ConsentRequest;
import dev.steward.vault.Addressees;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unsubscribing through a message's link (or its {@code mailto:} address): a withdrawal in the consent ledger for
 * every subject carrying the message's address, with how it was done and the message as evidence, so that no later
 * message of the list reaches the person, including those already queued. When no list of the site is left, the
 * consent to evaluating the newsletters goes too: it has nothing left to cover, and the catalog promises that
 * unsubscribing ends it.
 */
@Service
class Unsubscribes {

    private final UnsubscribeTokens tokens;
    private final CampaignMessageRepository messages;
    private final CampaignRepository campaigns;
    private final CampaignLists lists;
    private final Addressees addressees;
    private final ConsentLedger ledger;
    private final ConsentDecisions decisions;
    private final Catalogs catalogs;
    private final Clock clock;

    Unsubscribes(
            UnsubscribeTokens tokens,
            CampaignMessageRepository messages,
            CampaignRepository campaigns,
            CampaignLists lists,
            Addressees addressees,
            ConsentLedger ledger,
            ConsentDecisions decisions,
            Catalogs catalogs,
            Clock clock) {
        this.tokens = tokens;
        this.messages = messages;
        this.campaigns = campaigns;
        this.lists = lists;
        this.addressees = addressees;
        this.ledger = ledger;
        this.decisions = decisions;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    /** The list a message's token unsubscribes from, with the subjects carrying its address today. */
    record Subscription(CampaignMessage message, Campaign campaign, MailingList list, List<SubjectId> people) {}

    /** The subscription behind a token of the site; empty for a made-up, foreign or test token, or an erased person. */
    Optional<Subscription> find(String site, String token) {
        return find(token).filter(subscription -> subscription.campaign().site().equals(site));
    }

    /** The subscription behind a token, whichever site's. */
    Optional<Subscription> find(String token) {
        return tokens.message(token)
                .flatMap(messages::find)
                .flatMap(message -> campaigns
                        .find(message.campaign())
                        .filter(Campaign::marketing)
                        .flatMap(campaign -> lists.find(campaign.site(), campaign.purpose())
                                .map(list -> new Subscription(
                                        message, campaign, list, addressees.carrying(message.emailIndex())))))
                .filter(subscription -> !subscription.people().isEmpty());
    }

    /** The site's lists the person receives now, the token's own first if they still do. */
    List<MailingList> subscribed(Subscription subscription) {
        Instant now = clock.instant();
        return lists.of(subscription.campaign().site()).stream()
                .filter(MailingList::marketing)
                .filter(list -> allowed(subscription, list.purpose(), now))
                .sorted((a, b) -> Boolean.compare(
                        !a.purpose().equals(subscription.list().purpose()),
                        !b.purpose().equals(subscription.list().purpose())))
                .toList();
    }

    String siteName(Subscription subscription, String language) {
        Site site = catalogs.requireSite(subscription.campaign().site());
        return site.name().in(language, site.language());
    }

    /** The operational mail that still reaches people whatever they leave, by purpose name; none where not declared. */
    List<LocalizedText.Shown> operationalMail(String site, String language) {
        Catalog catalog = catalogs.of(site);
        return catalog.operationalMail(catalog.site(site).orElseThrow(), language);
    }

    /** The lists' names as a page in {@code language} shows them, by purpose, each marked where untranslated. */
    Map<String, LocalizedText.Shown> listNames(String site, List<MailingList> lists, String language) {
        Catalog catalog = catalogs.of(site);
        Site declared = catalog.site(site).orElseThrow();
        Map<String, LocalizedText.Shown> names = new HashMap<>();
        lists.forEach(list -> names.put(
                list.purpose(),
                catalog.purpose(list.purpose())
                        .map(purpose -> purpose.name().shownIn(language, declared.language()))
                        .orElseGet(() -> new LocalizedText.Shown(list.name(), null))));
        return names;
    }

    /**
     * Withdraws the consent to the message's list, and to the other lists named; answers whether the person was still
     * subscribed to the message's list. Doing it again changes nothing.
     */
    @Transactional
    boolean unsubscribe(
            Subscription subscription,
            Set<String> alsoLists,
            CollectionMethod method,
            @Nullable String ipAddress,
            @Nullable String userAgent) {
        // WHY: mail programs and scanners send the one-click POST more than once at the same moment; unsubscribing
        // one after the other, the second finds the first's withdrawal and records nothing, nor counts again
        messages.lockAddress(subscription.message().emailIndex());
        Set<String> purposes = new LinkedHashSet<>();
        purposes.add(subscription.list().purpose());
        lists.of(subscription.campaign().site()).stream()
                .filter(list -> list.marketing() && alsoLists.contains(list.purpose()))
                .forEach(list -> purposes.add(list.purpose()));
        Withdrawal withdrawal = new Withdrawal(subscription, method, ipAddress, userAgent);
        boolean left = false;
        for (String purpose : purposes) {
            boolean withdrawn = withdrawal.of(purpose);
            left |= withdrawn && purpose.equals(subscription.list().purpose());
        }
        if (subscribed(subscription).isEmpty()) {
            lists.trackingPurposes(subscription.campaign().site()).forEach(withdrawal::of);
        }
        if (left) {
            campaigns.count(subscription.campaign().id(), CampaignRepository.Counter.UNSUBSCRIBED);
        }
        return left;
    }

    private boolean allowed(Subscription subscription, String purpose, Instant now) {
        return decisions
                .decideEach(subscription.campaign().site(), List.of(purpose), List.of(subscription.people()), now)
                .get(purpose)
                .get(0)
                .allowed();
    }

    /** Withdrawals of one unsubscribing: every subject carrying the address whose consent still grants. */
    private final class Withdrawal {

        private final Subscription subscription;
        private final CollectionMethod method;
        private final @Nullable String ipAddress;
        private final @Nullable String userAgent;

        Withdrawal(
                Subscription subscription,
                CollectionMethod method,
                @Nullable String ipAddress,
                @Nullable String userAgent) {
            this.subscription = subscription;
            this.method = method;
            this.ipAddress = ipAddress;
            this.userAgent = userAgent;
        }

        boolean of(String purpose) {
            String site = subscription.campaign().site();
            List<ConsentEvent> granting = new ArrayList<>();
            for (SubjectId subject : subscription.people()) {
                ledger.decidingEventAt(subject, site, purpose, clock.instant())
                        .filter(event -> event.action().grants())
                        .ifPresent(granting::add);
            }
            granting.forEach(event -> ledger.record(ConsentRequest.of(
                            event.subject(), site, purpose, ConsentAction.WITHDRAWN, method)
                    .withJurisdiction(event.jurisdiction())
                    .withEvidence("campaign-message:" + subscription.message().id(), false)
                    .withConnection(ipAddress, userAgent)));
            return !granting.isEmpty();
        }
    }
}
