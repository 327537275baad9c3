package dev.steward.mail;

import com.sun.management.OperatingSystemMXBean;
import dev.steward.catalog.SiteMail.Sender;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

/**
 * What DKIM costs a campaign message, with and without a picture inside (issue #13): the server's own send path for a
 * campaign message ({@link BulkTemplate} encoded once, each message filled from those bytes; with DKIM, parsed back
 * and signed by {@link Dkim} as {@code SmtpTransport} does), written to a stream that only counts, as Jakarta Mail's
 * transport would write it to the SMTP server. No database, no SMTP round trips, no campaign bookkeeping: this is the
 * part that grows with a picture, measured on one thread. A plain {@code main} in the mail package (it uses the
 * package's own classes), built into the bench jar only and started through the launcher with {@code loader.main}.
 *
 * <p>{@code DkimCost SECONDS PICTURE_KB…} (0 for no picture), e.g. {@code DkimCost 5 0 100 500}: each case warmed up
 * for half the seconds, then timed for the seconds given.
 */
public final class DkimCost {

    private static final String DOMAIN = "olympus-ims.com";

    private DkimCost() {}

    public static void main(String[] args) throws Exception {
        // as StewardApplication names it: the ServiceLoader lookup per part would otherwise dominate every figure
        System.getProperties()
                .putIfAbsent("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        long nanos = (long) (Double.parseDouble(args[0]) * 1e9);
        Path key = Files.createTempFile("dkim-cost", ".der");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateKey privateKey = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
        Files.write(key, privateKey.getEncoded());
        Dkim dkim = Dkim.of(new MailSettings.DkimKey(DOMAIN, "bench", key.toString()))
                .orElseThrow();
        Files.delete(key);
        Session session = Session.getInstance(new Properties());
        MimeLetters letters = new MimeLetters(session, new Sender("Steward", "privacy@" + DOMAIN));
        Map<String, Signing> ways = new LinkedHashMap<>();
        ways.put("off", null);
        ways.put("library", new Library(session, privateKey));
        ways.put("jdk", dkim.withProvider(null)::sign);
        ways.put(dkim.provider(), dkim::sign);
        System.out.println("picture_kb\tdkim\tmessages\tmsg_per_s\tcpu_ms_per_msg\tbytes_per_msg");
        for (int i = 1; i < args.length; i++) {
            int kb = Integer.parseInt(args[i]);
            for (Map.Entry<String, Signing> way : ways.entrySet()) {
                Signing signing = way.getValue();
                EncodedTemplate encoded = template(kb).encoded(letters);
                if (encoded == null) {
                    throw new IllegalStateException("the template cannot be filled in place");
                }
                // warm-up: the JIT compiles the path before it is timed
                run(encoded, session, signing, nanos / 2);
                OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                long cpu0 = os.getProcessCpuTime();
                long start = System.nanoTime();
                long[] done = run(encoded, session, signing, nanos);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
                long messages = done[0];
                System.out.printf(
                        Locale.ROOT,
                        "%d\t%s\t%d\t%.0f\t%.3f\t%d%n",
                        kb,
                        way.getKey(),
                        messages,
                        messages / seconds,
                        cpuMs / messages,
                        done[1] / messages);
            }
        }
    }

    /** A campaign-like message: text and HTML with a token and a pseudonym per recipient, and the picture if any. */
    private static BulkTemplate template(int pictureKb) {
        String token = marker(43);
        String pseudonym = marker(22);
        StringBuilder html = new StringBuilder(
                "<h1>New lenses</h1><p><img src=\"cid:lens.png@" + DOMAIN + "\" alt=\"The lens\"></p>");
        StringBuilder text = new StringBuilder("New lenses\n\n[The lens]\n");
        for (int i = 0; i < 12; i++) {
            html.append("<p>The <strong>M.Zuiko</strong> range grows by two lenses this spring. <a href=\"https://www."
                    + DOMAIN + "/c/" + pseudonym + "/" + i + "\">See them</a></p>\n");
            text.append("The M.Zuiko range grows by two lenses this spring. See them: https://www.")
                    .append(DOMAIN)
                    .append("/lenses\n");
        }
        String unsubscribe = "https://www." + DOMAIN + "/s/olympus-ims/unsubscribe?token=" + token;
        html.append("<p><a href=\"").append(unsubscribe).append("\">Unsubscribe</a></p>");
        text.append("Unsubscribe: ").append(unsubscribe).append('\n');
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("List-Id", "Newsletter <newsletter.olympus-ims." + DOMAIN + ">");
        headers.put("Auto-Submitted", "auto-generated");
        Envelope envelope = new Envelope(
                "someone@example.com",
                "New lenses",
                text.toString(),
                html.toString(),
                new Sender("Olympus", "news@" + DOMAIN),
                null,
                headers,
                List.of(token));
        List<InlineImage> images = new ArrayList<>();
        if (pictureKb > 0) {
            byte[] picture = new byte[pictureKb * 1024];
            // random bytes: a photograph compresses no further, and base64 makes no difference to what is hashed
            ThreadLocalRandom.current().nextBytes(picture);
            images.add(new InlineImage("lens.png@" + DOMAIN, "lens.png", "image/png", picture));
        }
        return new BulkTemplate(envelope, List.of(token, pseudonym), images);
    }

    /** Messages written for the time given: how many, and how many bytes. */
    private static long[] run(EncodedTemplate encoded, Session session, @Nullable Signing signing, long nanos)
            throws MessagingException, IOException {
        Counting out = new Counting();
        long end = System.nanoTime() + nanos;
        long n = 0;
        for (; System.nanoTime() < end; n++) {
            String[] values = encoded.values(
                    new InternetAddress("person" + n + "@example.com"),
                    Instant.now(),
                    "<" + marker(24) + "@" + DOMAIN + ">",
                    List.of(marker(43), marker(22)));
            MimeMessage filled = encoded.message(session, values);
            MimeMessage message = signing == null ? filled : signing.sign(filled, DOMAIN);
            message.writeTo(out);
        }
        return new long[] {n, out.count};
    }

    /** A way to sign a filled message, or none. */
    private interface Signing {
        MimeMessage sign(MimeMessage filled, String domain) throws MessagingException, IOException;
    }

    /**
     * The path as it was before dkim2: the filled bytes parsed back into a message, then the library's own signer,
     * made for each message (JDK RSA, its body canonicalized by regular expressions), which copies that message again.
     */
    private record Library(Session session, RSAPrivateKey key) implements Signing {

        @Override
        public MimeMessage sign(MimeMessage filled, String domain) throws MessagingException, IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
            filled.writeTo(bytes);
            MimeMessage parsed = new MimeMessage(session, new ByteArrayInputStream(bytes.toByteArray()));
            DkimSigner signer = new DkimSigner(domain, "bench", key);
            signer.setHeaderCanonicalization(Canonicalization.RELAXED);
            signer.setBodyCanonicalization(Canonicalization.RELAXED);
            signer.setCheckDomainKey(false);
            signer.addHeaderToSign("List-Unsubscribe-Post");
            signer.addHeaderToSign("Auto-Submitted");
            return new DkimMessage(parsed, signer);
        }
    }

    private static String marker(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, length);
    }

    /** Where the SMTP transport would write the message: here only counted. */
    private static final class Counting extends OutputStream {

        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
