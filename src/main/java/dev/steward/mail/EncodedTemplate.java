package dev.steward.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailPreparationException;

/**
 * A {@link BulkTemplate}'s MIME message encoded once, by the same {@link MimeLetters} that builds single messages, and
 * written for each recipient with its own {@code To}, {@code Date}, {@code Message-ID} and marker values in place. The
 * bytes are then exactly what building that recipient's message would give (apart from the multipart boundary, which
 * is the template's): a marker's value has the marker's length and only characters that every transfer encoding leaves
 * as they are, so the encoder's choices (7bit or quoted-printable, where a long line is broken) are the same for the
 * value as for the marker. Where a quoted-printable line break fell inside a marker, the value is broken at the same
 * place. A template whose markers did not survive the encoding (base64 for a mostly non-ASCII text) cannot be filled
 * in place: {@link #of} answers null and each message is built on its own.
 */
final class EncodedTemplate {

    /** What every transfer encoding (7bit, quoted-printable) and header folding keep as it is. */
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_-]+");

    private static final String SOFT_BREAK = "=\r\n";
    private static final byte[] SOFT_BREAK_BYTES = SOFT_BREAK.getBytes(StandardCharsets.US_ASCII);
    private static final int TO = 0;
    private static final int DATE = 1;
    private static final int MESSAGE_ID = 2;
    private static final int FIXED = 3;

    /** Where one value goes in the bytes: from start to end, broken by soft line breaks before these offsets. */
    private record Slot(int start, int end, int value, List<Integer> breaks) {}

    private final byte[] bytes;
    private final List<Slot> slots;
    private final List<String> markers;
    private final Address[] from;
    private final MailDateFormat dates = new MailDateFormat();

    /** A Date header is to the second: formatted once a second rather than once a message (a few per cent of it). */
    private record Stamp(long second, String text) {}

    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, "");

    private EncodedTemplate(byte[] bytes, List<Slot> slots, List<String> markers, Address[] from) {
        this.bytes = bytes;
        this.slots = slots;
        this.markers = markers;
        this.from = from;
    }

    static @Nullable EncodedTemplate of(
            MimeLetters letters, Envelope envelope, List<InlineImage> images, List<String> markers) {
        boolean fillable = markers.stream()
                        .allMatch(marker -> LITERAL.matcher(marker).matches())
                && markers.stream().noneMatch(marker -> envelope.subjectLine().contains(marker));
        if (!fillable) {
            return null;
        }
        List<String> all = new ArrayList<>(List.of(marker(), marker(), marker()));
        all.addAll(markers);
        try {
            MimeMessage mime = letters.build(all.get(MESSAGE_ID), probe(envelope), images, Instant.EPOCH);
            mime.setHeader("To", all.get(TO));
            mime.setHeader("Date", all.get(DATE));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mime.writeTo(out);
            byte[] bytes = out.toByteArray();
            List<Slot> slots = slots(new String(bytes, StandardCharsets.ISO_8859_1), all);
            return complete(slots, envelope, all)
                    ? new EncodedTemplate(bytes, slots, List.copyOf(markers), mime.getFrom())
                    : null;
        } catch (MessagingException | IOException | MailPreparationException e) {
            // each message is then built on its own, and fails with its own error
            return null;
        }
    }

    /**
     * The values of one recipient's message in slot order, or null when one of them would be encoded otherwise than
     * its marker (a value of another length or with other characters, an address that is not ASCII).
     */
    String @Nullable [] values(InternetAddress to, Instant date, String messageId, List<String> values) {
        String[] all = new String[FIXED + values.size()];
        all[TO] = InternetAddress.toString(new Address[] {to}, "To".length() + 2);
        all[DATE] = date(date);
        all[MESSAGE_ID] = messageId;
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value.length() != markers.get(i).length()
                    || !LITERAL.matcher(value).matches()) {
                return null;
            }
            all[FIXED + i] = value;
        }
        return ascii(all[TO]) && ascii(all[MESSAGE_ID]) ? all : null;
    }

    private String date(Instant date) {
        Stamp last = stamp;
        if (last.second() != date.getEpochSecond()) {
            synchronized (dates) {
                last = new Stamp(date.getEpochSecond(), dates.format(Date.from(date)));
            }
            stamp = last;
        }
        return last.text();
    }

    /** The message to send: Jakarta Mail's SMTP transport takes its sender from it and writes it as it is. */
    MimeMessage message(Session session, String[] values) {
        return new Filled(session, values);
    }

    void write(OutputStream out, String[] values) throws IOException {
        int at = 0;
        for (Slot slot : slots) {
            out.write(bytes, at, slot.start() - at);
            String value = values[slot.value()];
            int from = 0;
            for (int end : slot.breaks()) {
                out.write(value.substring(from, end).getBytes(StandardCharsets.US_ASCII));
                out.write(SOFT_BREAK_BYTES);
                from = end;
            }
            out.write(value.substring(from).getBytes(StandardCharsets.US_ASCII));
            at = slot.end();
        }
        out.write(bytes, at, bytes.length - at);
    }

    /** The template with an address that builds; each message's own takes its place. */
    private static Envelope probe(Envelope envelope) {
        return new Envelope(
                "template@steward.invalid",
                envelope.subjectLine(),
                envelope.text(),
                envelope.html(),
                envelope.from(),
                envelope.replyTo(),
                envelope.headers(),
                envelope.secrets());
    }

    /** Every place a marker was found in the encoded text, in order. */
    private static List<Slot> slots(String encoded, List<String> markers) {
        List<Slot> slots = new ArrayList<>();
        for (int value = 0; value < markers.size(); value++) {
            String marker = markers.get(value);
            int from = 0;
            int at;
            while ((at = encoded.indexOf(marker.charAt(0), from)) >= 0) {
                Slot slot = match(encoded, at, marker, value);
                if (slot != null) {
                    slots.add(slot);
                    from = slot.end();
                } else {
                    from = at + 1;
                }
            }
        }
        slots.sort(Comparator.comparingInt(Slot::start));
        return List.copyOf(slots);
    }

    /** The marker at this place, allowing a quoted-printable soft line break between any two of its characters. */
    private static @Nullable Slot match(String encoded, int start, String marker, int value) {
        List<Integer> breaks = new ArrayList<>();
        int at = start;
        for (int i = 0; i < marker.length(); i++) {
            if (i > 0 && encoded.startsWith(SOFT_BREAK, at)) {
                breaks.add(i);
                at += SOFT_BREAK.length();
            }
            if (at >= encoded.length() || encoded.charAt(at) != marker.charAt(i)) {
                return null;
            }
            at++;
        }
        return new Slot(start, at, value, List.copyOf(breaks));
    }

    /**
     * Whether every marker came through the encoding whole: the message's own headers once each, unbroken, and each
     * given marker as often as the envelope's text, HTML and header values hold it.
     */
    private static boolean complete(List<Slot> slots, Envelope envelope, List<String> markers) {
        for (int value = 0; value < markers.size(); value++) {
            int index = value;
            List<Slot> found =
                    slots.stream().filter(slot -> slot.value() == index).toList();
            if (value < FIXED) {
                if (found.size() != 1 || !found.get(0).breaks().isEmpty()) {
                    return false;
                }
            } else if (found.size() != occurrences(envelope, markers.get(value))) {
                return false;
            }
        }
        return true;
    }

    private static int occurrences(Envelope envelope, String marker) {
        List<String> texts = new ArrayList<>(envelope.headers().values());
        texts.add(envelope.text());
        if (envelope.html() != null) {
            texts.add(envelope.html());
        }
        int count = 0;
        for (String text : texts) {
            for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length())) {
                count++;
            }
        }
        return count;
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String marker() {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "stwmime" + HexFormat.of().formatHex(random);
    }

    /** A message that is only written: from the template's bytes with one recipient's values. */
    private final class Filled extends MimeMessage {

        private final String[] values;

        Filled(Session session, String[] values) {
            super(session);
            this.values = values;
        }

        @Override
        public Address[] getFrom() {
            return from.clone();
        }

        @Override
        public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
            write(out, values);
        }
    }
}
