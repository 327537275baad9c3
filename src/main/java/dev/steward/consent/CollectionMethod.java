package dev.steward.consent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a consent action was collected, and whether an integrator may say it collected one that way. */
public enum CollectionMethod {
    FORM("a form", true),
    BANNER("the cookie banner", true),
    ACCOUNT_PAGE("the person's account page", true),
    PRIVACY_CENTER("the privacy center", false),
    EMAIL_LINK("a link in an e-mail", true),
    /** The one-click unsubscribe of RFC 8058: a mail program posted the link of a message's List-Unsubscribe. */
    ONE_CLICK("the one-click unsubscribe of an e-mail", false),
    /** A mail to the unsubscribe address of a message's List-Unsubscribe, passed to Steward by the operator. */
    UNSUBSCRIBE_MAIL("a mail to the unsubscribe address", false),
    IMPORT("an import", false),
    API("an integrator", true),
    /** Steward itself, e.g. when a consent lapses. */
    SYSTEM("Steward itself", false),
    /** A member of staff, on the person's behalf, with a reason in the audit trail. */
    STAFF_ON_BEHALF("staff, on the person's behalf", false);

    private final String label;
    private final boolean integrators;

    CollectionMethod(String label, boolean integrators) {
        this.label = label;
        this.integrators = integrators;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** How people read it: "collected through …". */
    public String label() {
        return label;
    }

    /** Whether an integrator's key may record a consent collected this way; the others are Steward's own. */
    public boolean integrators() {
        return integrators;
    }

    public static Optional<CollectionMethod> ofKey(String key) {
        return Arrays.stream(values())
                .filter(method -> method.key().equals(key))
                .findFirst();
    }
}
