package dev.steward.platform;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one shape of an e-mail address a person types into a form or the privacy center: a dot-atom local part (letters
 * of any script, digits and the RFC 5322 specials), {@code @}, and a domain of two or more labels with a top-level one
 * of letters (or an IDNA {@code xn--} one). WHY so strict: an address is the key a person's records are found by and
 * the key of every per-address limit (requests waiting, wrong codes, submissions), so spellings a mail server treats
 * as the same mailbox but Steward as another (a trailing dot on the domain, a quoted local part, a domain literal such
 * as {@code [127.0.0.1]}) let a stranger go round those limits for someone else's mailbox (attack16), and spellings
 * no mail server takes ({@code a,b@x.org}, {@code <a>@x.org}, two dots) were accepted only to fail at delivery. The
 * address must also be in Unicode's NFKC form: fullwidth letters or the Kelvin sign, which Java's lower-casing folds
 * into ASCII, would otherwise name one person's mailbox in another's spelling.
 */
public final class EmailAddresses {

    private static final String ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
    private static final Pattern ADDRESS = Pattern.compile(
            ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "\\.)+" + "(?:\\p{L}{2,63}|[Xx][Nn]--[A-Za-z0-9-]{1,59})");
    private static final int LONGEST = 254;
    private static final int LONGEST_LOCAL_PART = 64;

    private EmailAddresses() {}

    /**
     * The mailbox an address reaches, as far as Steward can tell without asking its provider: in lower case, without a
     * subaddress ({@code +tag}, which most providers deliver to the mailbox without it), and with its domain in the
     * ASCII form of IDNA ({@code münchen.de} is {@code xn--mnchen-3ya.de}). WHY: the limits that keep a stranger from
     * flooding a person's mailbox (requests waiting for it, submissions naming it) must count every spelling that lands
     * there; {@code ann+1@…}, {@code ann+2@…} and the two forms of a domain were each an address of their own, with their
     * own three mails (attack22). For limits only: records are found by the address as given.
     */
    public static String mailbox(String address) {
        String lower = address.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at <= 0) {
            return lower;
        }
        String local = lower.substring(0, at);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        String domain = lower.substring(at + 1);
        try {
            domain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            // not a domain IDNA can spell: counted as typed
        }
        return local + "@" + domain;
    }

    /** Whether the address, as typed (surrounding spaces are the caller's to strip), has the shape. */
    public static boolean valid(String address) {
        return address.length() <= LONGEST
                && address.indexOf('@') <= LONGEST_LOCAL_PART
                && ADDRESS.matcher(address).matches()
                && Normalizer.isNormalized(address, Normalizer.Form.NFKC);
    }
}
