package dev.steward.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer of a console address whose page a console page frames: one message's HTML (a campaign's preview, a
 * message of the dev mailbox), under a policy of its own. WHY: a frame of {@code srcdoc} takes the console's policy,
 * which refuses every inline style, so a message showed without its colours and spacing; a message's HTML needs
 * inline styles and nothing else. So its own address answers it with {@link SecurityHeaders#MESSAGE_FRAME_POLICY}: no
 * script, font, connection, form or base address at all, pictures only as {@code data:} (how the console puts a
 * message's pictures in), framed by Steward's own pages only, and sandboxed even when opened on its own. The handler
 * that answers it names its {@link Requires permission} like any console page, the same as the page that frames it.
 */
public final class MessageFrames {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private MessageFrames() {}

    /** The message's HTML with the frame's headers in place of the console's. */
    public static ResponseEntity<String> answer(String html, HttpServletResponse response) {
        SecurityHeaders.forMessageFrame(response);
        return ResponseEntity.ok().contentType(HTML).body(html);
    }
}
