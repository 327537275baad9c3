package dev.steward.notice;

import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.RegionNames;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The region switch of a stored page by the regions' names. A version published before the switch named them keeps
 * their keys in its stored page ("This notice as it applies in: JP EU US"), and a stored page never changes; the page
 * a visitor reads names them at read time, in the stored page's language, as the switch of a later version does.
 */
@Component
class RegionSwitch {

    private static final String NAV = "<nav class=\"regions\"";

    /** A link of the switch whose text is its region's key: {@code <a href="/s/x/privacy?region=EU" …>EU</a>}. */
    private static final Pattern KEYED =
            Pattern.compile("(<a href=\"/s/[^\"/]+/privacy\\?region=([A-Za-z0-9_-]+)\")([^>]*)>\\2</a>");

    private final RegionNames names;

    RegionSwitch(RegionNames names) {
        this.names = names;
    }

    String named(String html, String site, String language) {
        int nav = html.indexOf(NAV);
        int end = nav < 0 ? -1 : html.indexOf("</nav>", nav);
        if (end < 0) {
            return html;
        }
        Locale locale = Locale.forLanguageTag(language);
        Matcher keyed = KEYED.matcher(html.substring(nav, end));
        String named = keyed.replaceAll(link -> {
            LocalizedText.Shown name = names.of(site, link.group(2), locale);
            String lang = name.lang() == null ? "" : " lang=\"" + name.lang() + "\"";
            return Matcher.quoteReplacement(
                    link.group(1) + lang + link.group(3) + ">" + HtmlUtils.htmlEscape(name.text()) + "</a>");
        });
        return html.substring(0, nav) + named + html.substring(end);
    }
}
