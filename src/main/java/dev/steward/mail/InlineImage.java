package dev.steward.mail;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A picture carried inside an HTML message ({@code multipart/related}), which its HTML shows as {@code cid:}
 * {@link #contentId()}: the mail reader fetches nothing to show it. Its base64 text is made once, when the image is
 * made, so that every message of a campaign (built from one encoding, or one by one) reuses it rather than encoding
 * the same bytes again. The Content-ID and file name are checked here again, whatever the caller checked: they are
 * written into headers, where a line break or a quote would start another header or parameter, and again when a
 * sealed envelope that carries the picture is read back.
 */
public final class InlineImage {

    private static final Pattern CONTENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*@[A-Za-z0-9][A-Za-z0-9.-]*");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private final String contentId;
    private final String fileName;
    private final String mediaType;
    private final byte[] base64;

    /**
     * @param contentId the part's Content-ID without its angle brackets ({@code name@domain})
     * @param fileName what a reader that saves the picture calls it
     * @param mediaType one of PNG, JPEG, GIF or WebP
     * @param bytes the picture
     */
    @JsonCreator
    public InlineImage(
            @JsonProperty("contentId") String contentId,
            @JsonProperty("fileName") String fileName,
            @JsonProperty("mediaType") String mediaType,
            @JsonProperty("bytes") byte[] bytes) {
        if (!CONTENT_ID.matcher(contentId).matches()
                || !FILE_NAME.matcher(fileName).matches()
                || !TYPES.contains(mediaType)) {
            throw new IllegalArgumentException("Not a safe inline image header: " + mediaType);
        }
        this.contentId = contentId;
        this.fileName = fileName;
        this.mediaType = mediaType;
        // MIME base64: lines of 76 characters ended by CRLF (RFC 2045), as a transfer encoder would write them
        this.base64 = Base64.getMimeEncoder().encode(bytes);
    }

    @JsonProperty("contentId")
    public String contentId() {
        return contentId;
    }

    @JsonProperty("fileName")
    String fileName() {
        return fileName;
    }

    @JsonProperty("mediaType")
    public String mediaType() {
        return mediaType;
    }

    /** The picture's bytes, as a sealed envelope keeps them. */
    @JsonProperty("bytes")
    byte[] bytes() {
        return Base64.getMimeDecoder().decode(base64);
    }

    /** The picture as a {@code data:} address, for a page that shows the message's HTML (the dev mailbox). */
    String dataAddress() {
        return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes());
    }

    /** The image's part: {@code Content-ID}, {@code Content-Disposition: inline} with its file name, the base64 text. */
    MimeBodyPart part() throws MessagingException {
        MimeBodyPart part = new PreencodedMimeBodyPart("base64");
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(base64, mediaType)));
        part.setContentID("<" + contentId + ">");
        part.setDisposition(Part.INLINE);
        part.setFileName(fileName);
        return part;
    }

    @Override
    public String toString() {
        return "InlineImage[" + contentId + ", " + mediaType + ", " + base64.length + " base64 bytes]";
    }
}
