package dev.steward.test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** Reads pages as a visitor does: the text without markup, and the parts of a page a fact must appear in. */
public final class Pages {

    /** Tags that sit inside a line of text; every other tag ends one, as a browser lays it out. */
    private static final Pattern INLINE_TAG = Pattern.compile("</?(a|abbr|b|code|em|i|span|strong|time)\\b[^>]*>");

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ROW = Pattern.compile("<tr[\\s>].*?</tr>", Pattern.DOTALL);

    private Pages() {}

    /** The text of an HTML fragment: markup dropped, entities decoded, each run of white space one space. */
    public static String text(String html) {
        String inline = INLINE_TAG.matcher(html).replaceAll("");
        String plain = HtmlUtils.htmlUnescape(TAG.matcher(inline).replaceAll(" "));
        return plain.replaceAll("\\s+", " ").trim();
    }

    /**
     * The element that carries the attribute, e.g. {@code id="activity-newsletter"} or
     * {@code aria-labelledby="transfers"}, from its start tag to its end tag.
     */
    public static String element(String html, String attribute) {
        int at = html.indexOf(attribute);
        if (at < 0) {
            throw new AssertionError("The page has no element with " + attribute);
        }
        int start = html.lastIndexOf('<', at);
        Matcher name = Pattern.compile("<([a-zA-Z0-9]+)").matcher(html).region(start, at);
        if (!name.lookingAt()) {
            throw new AssertionError("Cannot read the tag that carries " + attribute);
        }
        String tag = name.group(1);
        Matcher tags = Pattern.compile("<(/?)" + tag + "[\\s>]").matcher(html);
        int depth = 0;
        tags.region(start, html.length());
        while (tags.find()) {
            depth += tags.group(1).isEmpty() ? 1 : -1;
            if (depth == 0) {
                return html.substring(start, html.indexOf('>', tags.start()) + 1);
            }
        }
        throw new AssertionError("The element with " + attribute + " is not closed");
    }

    /** The text of the element that carries the attribute. */
    public static String textOf(String html, String attribute) {
        return text(element(html, attribute));
    }

    /** The text of each table row, cells separated by a space. */
    public static List<String> rows(String html) {
        List<String> rows = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            rows.add(text(row.group()));
        }
        return rows;
    }
}
