package dev.steward.newsletter;

import java.util.ArrayList;
import java.util.List;

/**
 * A campaign's text or HTML, rendered once for the whole campaign with markers where each message differs (its
 * unsubscribe token, its tracking pseudonym), and filled per message by joining the pieces: rendering the templates
 * for each of a hundred thousand people would cost more than sending to them.
 */
final class MailTemplate {

    private final List<String> pieces = new ArrayList<>();
    private final List<Boolean> tokenSlots = new ArrayList<>();

    /** Splits the rendered text at every occurrence of either marker. */
    MailTemplate(String rendered, String tokenMarker, String pseudonymMarker) {
        int from = 0;
        while (true) {
            int token = rendered.indexOf(tokenMarker, from);
            int pseudonym = rendered.indexOf(pseudonymMarker, from);
            if (token < 0 && pseudonym < 0) {
                break;
            }
            boolean isToken = pseudonym < 0 || (token >= 0 && token < pseudonym);
            int at = isToken ? token : pseudonym;
            pieces.add(rendered.substring(from, at));
            tokenSlots.add(isToken);
            from = at + (isToken ? tokenMarker.length() : pseudonymMarker.length());
        }
        pieces.add(rendered.substring(from));
    }

    String fill(String token, String pseudonym) {
        StringBuilder filled =
                new StringBuilder(pieces.stream().mapToInt(String::length).sum() + 128);
        for (int i = 0; i < tokenSlots.size(); i++) {
            filled.append(pieces.get(i)).append(tokenSlots.get(i) ? token : pseudonym);
        }
        return filled.append(pieces.get(pieces.size() - 1)).toString();
    }
}
