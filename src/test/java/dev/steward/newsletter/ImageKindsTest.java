package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A picture's type is what its first bytes say, whatever its name or the type its uploader claims. */
class ImageKindsTest {

    @Test
    void theFourTypesAreKnownByTheirBytesAndNothingElseIs() {
        assertThat(ImageKinds.of(Campaigns.png(0))).contains("image/png");
        assertThat(ImageKinds.of(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0}))
                .contains("image/jpeg");
        assertThat(ImageKinds.of(ascii("GIF89a\1\0\1\0"))).contains("image/gif");
        assertThat(ImageKinds.of(ascii("GIF87a\1\0\1\0"))).contains("image/gif");
        assertThat(ImageKinds.of(ascii("RIFF\0\0\0\0WEBPVP8 "))).contains("image/webp");

        assertThat(ImageKinds.of(ascii("RIFF\0\0\0\0WAVEfmt "))).as("a sound").isEmpty();
        assertThat(ImageKinds.of(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")))
                .as("SVG can carry script and links")
                .isEmpty();
        assertThat(ImageKinds.of(ascii("%PDF-1.7"))).isEmpty();
        assertThat(ImageKinds.of(new byte[] {(byte) 0x89, 'P'})).as("cut short").isEmpty();
        assertThat(ImageKinds.of(new byte[0])).isEmpty();
    }

    @Test
    void anUploadedFilesNameIsMadeSafeForAHeader() {
        assertThat(CampaignImages.safeName("Team photo (final).PNG")).isEqualTo("Team-photo-final-.PNG");
        assertThat(CampaignImages.safeName("C:\\Users\\ada\\shot.png")).isEqualTo("shot.png");
        assertThat(CampaignImages.safeName("a\r\nX-Evil: yes\".png")).isEqualTo("a-X-Evil-yes-.png");
        assertThat(CampaignImages.safeName("...")).isEmpty();
        assertThat(CampaignImages.safeName(null)).isEmpty();
        assertThat(CampaignImages.NAME
                        .matcher(CampaignImages.safeName("x".repeat(200) + ".png"))
                        .matches())
                .isTrue();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
