package dev.steward.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The mark a refusal for age leaves in the visitor's session, as the FTC's guidance on neutral age screens (COPPA)
 * asks: for the rest of the session every form of the site answers with the refusal instead of a form, so the same
 * browser cannot go back, change the age and send again. The mark holds the site and the jurisdiction whose gate
 * refused, nothing the visitor typed, and lives only in the server's session memory; it ends with the session.
 */
@Component
class AgeRefusals {

    private static final String ATTRIBUTE = AgeRefusals.class.getName();

    /** The jurisdiction whose gate refused this browser on the site during this session, if any. */
    Optional<String> refusedIn(HttpServletRequest request, String site) {
        HttpSession session = request.getSession(false);
        return session == null
                ? Optional.empty()
                : Optional.ofNullable(marks(session).get(site));
    }

    void remember(HttpServletRequest request, String site, String jurisdiction) {
        HttpSession session = request.getSession();
        HashMap<String, String> marks = new HashMap<>(marks(session));
        marks.put(site, jurisdiction);
        // set anew rather than changed in place, so that a session store that copies attributes sees the change
        session.setAttribute(ATTRIBUTE, marks);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> marks(HttpSession session) {
        Object marks = session.getAttribute(ATTRIBUTE);
        return marks instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }
}
