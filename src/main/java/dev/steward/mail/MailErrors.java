package dev.steward.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * Names a delivery failure by the types in its cause chain. Mail servers' messages often quote the recipient's
 * address, so no message text is ever kept or logged.
 */
final class MailErrors {

    private static final int MAX_DEPTH = 5;

    private MailErrors() {}

    static String describe(Throwable failure) {
        List<String> types = new ArrayList<>();
        for (Throwable cause = failure; cause != null && types.size() < MAX_DEPTH; cause = cause.getCause()) {
            String type = cause.getClass().getSimpleName();
            if (!types.contains(type)) {
                types.add(type);
            }
        }
        return String.join(" < ", types);
    }
}
