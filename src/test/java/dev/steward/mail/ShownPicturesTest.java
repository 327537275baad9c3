package dev.steward.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The dev mailbox puts a message's own pictures into its HTML by their exact Content-ID: a cid: that names none of
 * them, or is crafted to reach a file or break out of the attribute, is left as it was and puts nothing in.
 */
class ShownPicturesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
    private static final InlineImage DETECTOR =
            new InlineImage("detector.png@olympus-ims.com", "detector.png", "image/png", PNG);

    @Test
    void aNamedPictureBecomesADataAddressAndNothingElseIsPutIn() {
        String html = "<img src=\"cid:detector.png@olympus-ims.com\" alt=\"a\">"
                + "<img src=\"cid:other.png@olympus-ims.com\" alt=\"b\">"
                + "<img src=\"cid:../detector.png@olympus-ims.com\" alt=\"c\">"
                + "<img src=\"cid:detector.png\" alt=\"d\">"
                + "<img src='cid:detector.png@olympus-ims.com' alt=\"e\">";

        String shown = ShownPictures.inline(html, List.of(DETECTOR));

        assertThat(shown)
                .isEqualTo("<img src=\"data:image/png;base64,iVBORw0KGgoBAgM=\" alt=\"a\">"
                        + "<img src=\"cid:other.png@olympus-ims.com\" alt=\"b\">"
                        + "<img src=\"cid:../detector.png@olympus-ims.com\" alt=\"c\">"
                        + "<img src=\"cid:detector.png\" alt=\"d\">"
                        + "<img src='cid:detector.png@olympus-ims.com' alt=\"e\">");
    }

    @Test
    void aPageCarriesPicturesUpToItsBudgetAndThenSaysItLeftThemOut() {
        byte[] big = new byte[5 * 512 * 1024];
        big[0] = (byte) 0x89;
        InlineImage photo = new InlineImage("photo.png@olympus-ims.com", "photo.png", "image/png", big);
        String html = "<img src=\"cid:photo.png@olympus-ims.com\" alt=\"p\">";
        ShownPictures.Budget budget = new ShownPictures.Budget();

        Mailbox.Entry first = ShownPictures.show(entry(html), List.of(photo), budget);
        Mailbox.Entry second = ShownPictures.show(entry(html), List.of(photo), budget);
        Mailbox.Entry third = ShownPictures.show(entry(html), List.of(photo), budget);
        Mailbox.Entry unnamed = ShownPictures.show(entry("<p>no picture</p>"), List.of(photo), budget);

        assertThat(first.html()).startsWith("<img src=\"data:image/png;base64,iQAA");
        assertThat(first.picturesLeftOut()).isFalse();
        assertThat(second.html()).startsWith("<img src=\"data:image/png;base64,iQAA");
        assertThat(third.html())
                .as("8 MB hold two pictures of 3.3 MB as base64, not three")
                .isEqualTo(html);
        assertThat(third.picturesLeftOut()).isTrue();
        assertThat(unnamed.picturesLeftOut()).isFalse();
    }

    private static Mailbox.Entry entry(String html) {
        return new Mailbox.Entry(
                UUID.randomUUID(),
                "<m@olympus-ims.com>",
                "olympus-ims",
                UUID.randomUUID().toString(),
                "marketing",
                "bulk",
                "newsletter",
                "sent",
                "dev-mailbox",
                1,
                null,
                Instant.EPOCH,
                null,
                Instant.EPOCH,
                "a@example.com",
                "News",
                "text",
                html,
                "news@olympus-ims.com",
                null,
                Map.of(),
                false);
    }
}
