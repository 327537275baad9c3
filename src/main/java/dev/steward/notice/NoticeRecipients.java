package dev.steward.notice;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Countries;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Recipient;
import dev.steward.catalog.Regime;
import dev.steward.catalog.Site;
import dev.steward.notice.NoticeFacts.RecipientFacts;
import dev.steward.notice.NoticeFacts.StorageFacts;
import dev.steward.notice.NoticeFacts.TransferFacts;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a notice says about who receives the data: the recipients, the transfers out of the EEA, and the host. */
final class NoticeRecipients {

    private final Catalog catalog;
    private final Site site;
    private final Jurisdiction jurisdiction;
    private final NoticeTexts texts;

    NoticeRecipients(Catalog catalog, Site site, Jurisdiction jurisdiction, NoticeTexts texts) {
        this.catalog = catalog;
        this.site = site;
        this.jurisdiction = jurisdiction;
        this.texts = texts;
    }

    /** The recipients of the activities, and the site's host. */
    List<Recipient> of(List<ProcessingActivity> activities) {
        Set<String> keys = new LinkedHashSet<>();
        activities.forEach(activity -> keys.addAll(activity.recipients()));
        if (site.hostedBy() != null) {
            keys.add(site.hostedBy());
        }
        return keys.stream().map(key -> catalog.recipient(key).orElseThrow()).toList();
    }

    List<RecipientFacts> facts(List<Recipient> recipients) {
        return recipients.stream().map(this::recipient).toList();
    }

    private RecipientFacts recipient(Recipient recipient) {
        return new RecipientFacts(
                recipient.key(),
                texts.text(recipient.name()),
                NoticeComposer.lower(recipient.role()),
                recipient.country().toUpperCase(Locale.ROOT),
                Countries.name(recipient.country()),
                recipient.isInEea(),
                texts.text(recipient.service()),
                recipient.safeguard() == null ? null : recipient.safeguard().citation(),
                recipient.confidentialityAgreement());
    }

    /** The transfer table is a GDPR fact: which recipients outside the EEA receive data, and on which ground. */
    List<TransferFacts> transfers(List<Recipient> recipients) {
        if (jurisdiction.regime() != Regime.GDPR) {
            return List.of();
        }
        return recipients.stream()
                .filter(recipient -> !recipient.isInEea())
                .map(recipient -> new TransferFacts(
                        recipient.service() == null
                                ? NoticeComposer.lower(recipient.role())
                                : texts.text(recipient.service()),
                        texts.text(recipient.name()),
                        Countries.name(recipient.country()),
                        recipient.safeguard() == null
                                ? ""
                                : recipient.safeguard().citation()))
                .toList();
    }

    StorageFacts storage() {
        Recipient host = site.hostedBy() == null
                ? null
                : catalog.recipient(site.hostedBy()).orElseThrow();
        return new StorageFacts(
                site.storageLocations().stream().map(Countries::name).toList(),
                host == null ? null : texts.text(host.name()),
                host == null ? null : Countries.name(host.country()));
    }
}
