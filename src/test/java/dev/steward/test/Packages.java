package dev.steward.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A requester's copy of their data, fetched as the answer mail says: open the link, enter the code from the same
 * mail, press Download.
 */
public final class Packages {

    private static final Pattern LINK = Pattern.compile("https?://\\S+(/s/[^/\\s]+/privacy-center/packages/[\\w-]+)");
    private static final Pattern CODE = Pattern.compile("enter the code (\\d{6})");

    private Packages() {}

    /** The package's files by name, each read as UTF-8 text. */
    public static Map<String, String> files(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** The link's path (the mailed address names the public host, not this test's server). */
    public static String link(String mail) {
        return group(LINK, mail);
    }

    public static String code(String mail) {
        return group(CODE, mail);
    }

    /** Downloads the package of the answer mail through its page, as a browser does. */
    public static HttpResponse<byte[]> download(Http browser, String mail) {
        return download(browser, link(mail), code(mail));
    }

    public static HttpResponse<byte[]> download(Http browser, String link, String code) {
        HttpResponse<String> page = browser.get(link);
        assertThat(page.statusCode()).as("the package's page").isEqualTo(200);
        return browser.postFormForDownload(link, Map.of("_csrf", Console.csrf(page.body()), "code", code));
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
        return matcher.group(1);
    }
}
