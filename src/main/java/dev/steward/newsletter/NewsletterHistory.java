package dev.steward.newsletter;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the newsletter holds about a person, for their copy of their data (GDPR Art. 15): each campaign message filed
 * under their subjects, and, while their subscription is linked to its pseudonym, when they opened it and which links
 * they clicked (seed 001 §3.4: "We record if and when you read our newsletters, which links you clicked"). Only the
 * person's own messages: the address a pseudonym is linked to is the one a message of theirs went to.
 */
@Component
public class NewsletterHistory {

    private final CampaignMessageRepository messages;
    private final TrackingRepository tracking;

    NewsletterHistory(CampaignMessageRepository messages, TrackingRepository tracking) {
        this.messages = messages;
        this.tracking = tracking;
    }

    /** One campaign message to the person, with the opens and clicks recorded about it. */
    public record Message(
            String site,
            String list,
            String subjectLine,
            String status,
            @Nullable Instant sentAt,
            boolean tracked,
            List<Instant> opened,
            List<Click> clicked) {

        /** The message with the events recorded about it: opens have no link, clicks one. */
        Message with(List<Event> events) {
            return new Message(
                    site,
                    list,
                    subjectLine,
                    status,
                    sentAt,
                    tracked,
                    events.stream().filter(e -> e.link() == null).map(Event::at).toList(),
                    events.stream()
                            .filter(e -> e.link() != null)
                            .map(e -> new Click(e.link(), e.at()))
                            .toList());
        }
    }

    /** A click on one of the campaign's links. */
    public record Click(String link, Instant at) {}

    /** A message as stored, with the address (blind index) it went to: which pseudonym's events are the person's. */
    record Sent(UUID campaign, Message message, byte[] emailIndex) {}

    /** An open (no link) or a click, of a campaign, by the address of a subscription. */
    record Event(UUID campaign, String emailIndex, @Nullable String link, Instant at) {}

    /** The messages of the subjects on these sites, oldest first, each with what was tracked about it. */
    public List<Message> of(Collection<SubjectId> subjects, Set<String> sites) {
        List<Sent> sent = messages.sentTo(subjects, sites);
        if (sent.isEmpty()) {
            return List.of();
        }
        Map<String, List<Event>> events = new LinkedHashMap<>();
        tracking.eventsOf(sent.stream().map(Sent::emailIndex).toList(), sites)
                .forEach(event -> events.computeIfAbsent(
                                key(event.campaign(), event.emailIndex()), k -> new ArrayList<>())
                        .add(event));
        return sent.stream()
                .map(one -> one.message()
                        .with(events.getOrDefault(
                                key(one.campaign(), HexFormat.of().formatHex(one.emailIndex())), List.of())))
                .toList();
    }

    private static String key(UUID campaign, String emailIndex) {
        return campaign + "/" + emailIndex;
    }
}
