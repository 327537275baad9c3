package dev.steward.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
