package dev.steward.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Verifies an RSA-SHA256 DKIM signature with relaxed/relaxed canonicalization (RFC 6376 §3.4.2, §3.4.4, §3.7) over a
 * raw message, independently of the signing library, as a receiving server would.
 */
final class DkimVerifier {

    private DkimVerifier() {}

    static boolean verify(String raw, PublicKey key) throws GeneralSecurityException {
        int split = raw.indexOf("\r\n\r\n");
        List<String> headers = headers(raw.substring(0, split + 2));
        String body = raw.substring(split + 4);
        String signature = headers.stream()
                .filter(h -> name(h).equals("dkim-signature"))
                .findFirst()
                .orElseThrow();
        Map<String, String> tags = tags(value(signature));
        if (!"rsa-sha256".equals(tags.get("a")) || !"relaxed/relaxed".equals(tags.get("c"))) {
            return false;
        }
        String bodyHash = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(relaxedBody(body).getBytes(StandardCharsets.UTF_8)));
        if (!bodyHash.equals(tags.get("bh"))) {
            return false;
        }
        StringBuilder signed = new StringBuilder();
        List<String> remaining = new ArrayList<>(headers);
        for (String name : tags.get("h").split(":")) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            for (int i = remaining.size() - 1; i >= 0; i--) {
                if (name(remaining.get(i)).equals(wanted)) {
                    signed.append(relaxedHeader(remaining.remove(i))).append("\r\n");
                    break;
                }
            }
        }
        signed.append(relaxedHeader(withoutSignature(signature)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(signed.toString().getBytes(StandardCharsets.UTF_8));
        return rsa.verify(Base64.getDecoder().decode(tags.get("b").replaceAll("\\s", "")));
    }

    /** Header fields with their folding kept, each without its final CRLF. */
    private static List<String> headers(String block) {
        List<String> headers = new ArrayList<>();
        for (String line : block.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
                headers.set(headers.size() - 1, headers.get(headers.size() - 1) + "\r\n" + line);
            } else {
                headers.add(line);
            }
        }
        return headers;
    }

    private static String name(String header) {
        return header.substring(0, header.indexOf(':')).strip().toLowerCase(Locale.ROOT);
    }

    private static String value(String header) {
        return header.substring(header.indexOf(':') + 1);
    }

    /** The DKIM-Signature header with the b= tag's value emptied, as it was when it was signed. */
    private static String withoutSignature(String header) {
        String[] parts = value(header).split(";", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].strip().startsWith("b=")) {
                parts[i] = parts[i].substring(0, parts[i].indexOf("b=") + 2);
            }
        }
        return header.substring(0, header.indexOf(':') + 1) + String.join(";", parts);
    }

    private static String relaxedHeader(String header) {
        String unfolded =
                value(header).replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
        return name(header) + ":" + unfolded;
    }

    private static String relaxedBody(String body) {
        List<String> lines = new ArrayList<>(List.of(body.split("\r\n", -1)));
        for (int i = 0; i < lines.size(); i++) {
            lines.set(i, lines.get(i).replaceAll("[ \t]+", " ").replaceAll(" +$", ""));
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines.isEmpty() ? "" : String.join("\r\n", lines) + "\r\n";
    }

    private static Map<String, String> tags(String value) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String tag : value.replace("\r\n", "").split(";")) {
            int equals = tag.indexOf('=');
            if (equals > 0) {
                tags.put(
                        tag.substring(0, equals).strip(),
                        tag.substring(equals + 1).replaceAll("\\s", ""));
            }
        }
        return tags;
    }
}
