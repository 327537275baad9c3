package dev.steward.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

/**
 * Steward's DKIM signer against the library's own: the same message signed both ways is the same message, byte for
 * byte (RSA PKCS#1 v1.5 signatures are deterministic), with the JDK's RSA and with the provider the server picks,
 * over bodies that exercise every rule of relaxed canonicalization; and the signature checks with the public key.
 */
class DkimTest {

    private static final String DOMAIN = "olympus-ims.com";
    private static final Session SESSION = Session.getInstance(new Properties());
    private static KeyPair keys;

    @TempDir
    static Path dir;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    private static final List<String> BODIES = List.of(
            "",
            "\r\n",
            "\r\n\r\n\r\n",
            "no line end",
            " C \r\nD \t E\r\n\r\n\r\n",
            "  leading\t\tand trailing \t \r\n \t\r\nmiddle  \r\n\t\r\n  \r\n",
            "bare\nline\rends\r\r\n\n\nlast",
            "after a blank\r\n\r\n\r\ntext \r\n \t ",
            "8-bit: caf\u00e9 \u00fc  \u20ac\r\n");

    private static final String HEADERS = "From: Olympus <news@" + DOMAIN + ">\r\n"
            + "To: someone@example.com\r\n"
            + "Subject: New   lenses,\r\n\tfolded \r\n"
            + "Date: Sat, 5 Dec 2026 18:00:00 +0000\r\n"
            + "Message-ID: <abc@" + DOMAIN + ">\r\n"
            + "list-unsubscribe: <https://www." + DOMAIN + "/u?t=x>\r\n"
            + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
            + "Auto-Submitted: auto-generated\r\n"
            + "X-Not-Signed: anything\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n\r\n";

    @Test
    void signsAsTheLibraryDoesByteForByte() throws Exception {
        Dkim server = dkim();
        for (String body : BODIES) {
            String library = write(library(raw(body)));
            assertThat(write(server.withProvider(null).sign(raw(body), DOMAIN)))
                    .as("JDK RSA, body %s", body)
                    .isEqualTo(library);
            assertThat(write(server.sign(raw(body), DOMAIN)))
                    .as("%s, body %s", server.provider(), body)
                    .isEqualTo(library);
        }
    }

    /**
     * WHY random bodies beside the chosen ones: the one-pass canonicalization must agree with the library's regular
     * expressions on every mix of white space, line ends and text, not only on the cases someone thought of. Seeded, so
     * a failure is repeated by running the test again.
     */
    @Test
    void signsAsTheLibraryDoesOnRandomBodies() throws Exception {
        Dkim server = dkim().withProvider(null);
        String[] pieces = {" ", "  ", "\t", "\r\n", "\n", "\r", "a", "bc", "\u00e9", "=", ".", "\r\n\r\n"};
        Random random = new Random(20261205);
        for (int i = 0; i < 300; i++) {
            StringBuilder body = new StringBuilder();
            for (int piece = random.nextInt(40); piece > 0; piece--) {
                body.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(write(server.sign(raw(body.toString()), DOMAIN)))
                    .as("body %s", body.toString().replace("\r", "<CR>").replace("\n", "<LF>"))
                    .isEqualTo(write(library(raw(body.toString()))));
        }
    }

    @Test
    void theSignatureChecksWithThePublicKey() throws Exception {
        String written = write(dkim().sign(raw("Hello\r\n"), DOMAIN));
        Matcher b = Pattern.compile("b=([A-Za-z0-9+/=\\s]+)\r\nFrom:").matcher(written);
        assertThat(b.find()).isTrue();
        String header = written.substring(0, b.start(1));
        // what was signed: the covered headers relaxed, last occurrence first, then the signature's own without b's
        // value
        StringBuilder signed = new StringBuilder();
        Matcher h = Pattern.compile("h=([^;]+);").matcher(header);
        assertThat(h.find()).isTrue();
        for (String name : h.group(1).replaceAll("\\s", "").split(":")) {
            Matcher line = Pattern.compile("(?im)^" + Pattern.quote(name) + ":((?:.*)(?:\r\n[ \t].*)*)")
                    .matcher(written.substring(b.end(1), written.indexOf("\r\n\r\n")));
            String value = "";
            while (line.find()) {
                value = line.group(1);
            }
            signed.append(RelaxedSigner.relaxedHeader(name, value)).append("\r\n");
        }
        signed.append(RelaxedSigner.relaxedHeader("DKIM-Signature", header.substring(header.indexOf(':') + 1)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
        rsa.update(signed.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(rsa.verify(Base64.getDecoder().decode(b.group(1).replaceAll("\\s", ""))))
                .isTrue();
    }

    @Test
    void relaxedBodyFollowsTheRfcsExample() {
        // RFC 6376 §3.4.6
        assertThat(new String(RelaxedSigner.relaxedBody(" C \r\nD \t E\r\n\r\n\r\n"), StandardCharsets.UTF_8))
                .isEqualTo(" C\r\nD E\r\n");
        assertThat(RelaxedSigner.relaxedBody("\r\n \r\n")).isEmpty();
    }

    @Test
    void aMessageSignedOnOneThreadIsWrittenRightOnAnother() throws Exception {
        Dkim server = dkim();
        MimeMessage signedHere = server.sign(raw("one\r\n"), DOMAIN);
        String[] there = new String[1];
        Thread thread = new Thread(() -> {
            try {
                there[0] = write(signedHere);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        thread.join();
        assertThat(there[0]).isEqualTo(write(library(raw("one\r\n"))));
    }

    private static Dkim dkim() throws Exception {
        Path key = Files.write(dir.resolve("dkim.der"), keys.getPrivate().getEncoded());
        return Dkim.of(new MailSettings.DkimKey(DOMAIN, "steward2026", key.toString()))
                .orElseThrow();
    }

    /** The library as Steward used it before its own signer: one signer a message, JDK RSA. */
    private static MimeMessage library(MimeMessage message) throws Exception {
        DkimSigner signer = new DkimSigner(DOMAIN, "steward2026", (RSAPrivateKey) keys.getPrivate());
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        signer.setCheckDomainKey(false);
        signer.addHeaderToSign("List-Unsubscribe-Post");
        signer.addHeaderToSign("Auto-Submitted");
        return new DkimMessage(message, signer);
    }

    private static MimeMessage raw(String body) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream((HEADERS + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static String write(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
