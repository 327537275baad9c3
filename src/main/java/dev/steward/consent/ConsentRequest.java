package dev.steward.consent;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A consent action to record. The wording is the exact text the person was shown; only its SHA-256 is kept, next
 * to the notice version in force. IP address and user agent are kept as far as the site's catalog allows, and only
 * encrypted. Without a time, the action happens now; without a notice version or jurisdiction, the version in force
 * and the site's default apply.
 */
public record ConsentRequest(
        SubjectId subject,
        String site,
        String purpose,
        @Nullable String activity,
        ConsentAction action,
        CollectionMethod method,
        @Nullable String wording,
        @Nullable String noticeVersion,
        @Nullable String jurisdiction,
        boolean byParent,
        @Nullable String evidenceRef,
        @Nullable String ipAddress,
        @Nullable String userAgent,
        @Nullable Instant occurredAt) {

    public static ConsentRequest of(
            SubjectId subject, String site, String purpose, ConsentAction action, CollectionMethod method) {
        return new ConsentRequest(
                subject, site, purpose, null, action, method, null, null, null, false, null, null, null, null);
    }

    public ConsentRequest withActivity(@Nullable String activity) {
        return new ConsentRequest(
                subject,
                site,
                purpose,
                activity,
                action,
                method,
                wording,
                noticeVersion,
                jurisdiction,
                byParent,
                evidenceRef,
                ipAddress,
                userAgent,
                occurredAt);
    }

    public ConsentRequest withWording(@Nullable String wording) {
        return new ConsentRequest(
                subject,
                site,
                purpose,
                activity,
                action,
                method,
                wording,
                noticeVersion,
                jurisdiction,
                byParent,
                evidenceRef,
                ipAddress,
                userAgent,
                occurredAt);
    }

    public ConsentRequest withJurisdiction(@Nullable String jurisdiction) {
        return new ConsentRequest(
                subject,
                site,
                purpose,
                activity,
                action,
                method,
                wording,
                noticeVersion,
                jurisdiction,
                byParent,
                evidenceRef,
                ipAddress,
                userAgent,
                occurredAt);
    }

    public ConsentRequest withConnection(@Nullable String ipAddress, @Nullable String userAgent) {
        return new ConsentRequest(
                subject,
                site,
                purpose,
                activity,
                action,
                method,
                wording,
                noticeVersion,
                jurisdiction,
                byParent,
                evidenceRef,
                ipAddress,
                userAgent,
                occurredAt);
    }

    public ConsentRequest withEvidence(@Nullable String evidenceRef, boolean byParent) {
        return new ConsentRequest(
                subject,
                site,
                purpose,
                activity,
                action,
                method,
                wording,
                noticeVersion,
                jurisdiction,
                byParent,
                evidenceRef,
                ipAddress,
                userAgent,
                occurredAt);
    }

    public ConsentRequest at(@Nullable Instant occurredAt, @Nullable String noticeVersion) {
        return new ConsentRequest(
                subject,
                site,
                purpose,
                activity,
                action,
                method,
                wording,
                noticeVersion,
                jurisdiction,
                byParent,
                evidenceRef,
                ipAddress,
                userAgent,
                occurredAt);
    }

    @Override
    public String toString() {
        return "ConsentRequest[subject=" + subject + ", site=" + site + ", purpose=" + purpose + ", action=" + action
                + "]";
    }
}
