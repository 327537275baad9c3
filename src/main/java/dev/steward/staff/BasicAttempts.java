package dev.steward.staff;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.steward.platform.IpAddresses;
import dev.steward.platform.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords sent with HTTP Basic to the staff API, counted per member and source rather than against the member
 * (L4, attack21). A program has no browser to trust ({@link StaffDevices}), so while Basic counted against the member,
 * anyone who knew a user name could lock the member's scripts out, and with them the console in every browser of a
 * member who had not signed in yet (one whose password an administrator had just set). Now one source (an IP address,
 * an IPv6 address's whole /64) gets {@link #PER_SOURCE} wrong passwords for a member per {@link #WINDOW} and is then
 * refused for that member for {@link #WINDOW}; so that many sources together still cannot guess without bound, the
 * member's Basic is refused from everywhere for {@link #WINDOW} once {@link #PER_MEMBER} wrong ones came within it. Basic
 * never locks the console. Counted on each node, in memory, under hashes only; a new password clears them.
 */
@Component
class BasicAttempts {

    static final int PER_SOURCE = StaffAccounts.LOCK_AFTER_FAILURES;
    static final int PER_MEMBER = 50;
    static final Duration WINDOW = StaffAccounts.LOCK_FOR;

    /** Wrong passwords since {@code since}; refused until {@code lockedUntil} once there were too many. */
    private record Tries(int wrong, Instant since, @Nullable Instant lockedUntil) {

        boolean refusedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        Tries plusOne(Instant now, int limit) {
            Tries current = now.isBefore(lockedUntil != null ? lockedUntil : since.plus(WINDOW))
                    ? this
                    : new Tries(0, now, null);
            int counted = current.wrong + 1;
            return new Tries(counted, current.since, counted >= limit ? now.plus(WINDOW) : current.lockedUntil);
        }
    }

    /** A member's wrong Basic passwords: all of them, and per source. */
    private record Member(Tries all, Map<String, Tries> bySource) {}

    private final Cache<String, Member> members =
            Caffeine.newBuilder().maximumSize(100_000).build();
    private final Clock clock;

    BasicAttempts(Clock clock) {
        this.clock = clock;
    }

    /** Whether Basic for this member from this source is refused now, whatever the password. */
    boolean refused(String source, String username) {
        Member member = members.getIfPresent(Sha256.hex(username));
        if (member == null) {
            return false;
        }
        Instant now = clock.instant();
        Tries fromSource = member.bySource().get(sourceKey(source));
        return member.all().refusedAt(now) || (fromSource != null && fromSource.refusedAt(now));
    }

    /** A wrong password, or an unknown name: names are counted alike, so the answer tells neither apart. */
    void wrong(String source, String username) {
        Instant now = clock.instant();
        String key = sourceKey(source);
        members.asMap().compute(Sha256.hex(username), (ignored, found) -> {
            Member member = found != null ? found : new Member(new Tries(0, now, null), new HashMap<>());
            Map<String, Tries> bySource = new HashMap<>(member.bySource());
            bySource.entrySet()
                    .removeIf(entry -> !entry.getValue().refusedAt(now)
                            && !now.isBefore(entry.getValue().since().plus(WINDOW)));
            bySource.put(
                    key, bySource.getOrDefault(key, new Tries(0, now, null)).plusOne(now, PER_SOURCE));
            return new Member(member.all().plusOne(now, PER_MEMBER), bySource);
        });
    }

    /** A new password: whoever guessed at the old one starts again. */
    void forget(String username) {
        members.invalidate(Sha256.hex(username));
    }

    private static String sourceKey(String address) {
        return Sha256.hex(IpAddresses.sender(address));
    }
}
