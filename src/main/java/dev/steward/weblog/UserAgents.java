package dev.steward.weblog;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A small User-Agent parser for the request log's statistics: the browsers, systems and devices that make up nearly
 * all traffic, by the tokens their headers carry, checked in an order that sees through the tokens browsers copy
 * from each other (every Chromium browser says "Safari", Edge says "Chrome"). Nothing is looked up anywhere.
 */
final class UserAgents {

    private static final Pattern BOT = Pattern.compile(
            "(?i)(bot|crawler|spider|slurp|curl|wget|python-requests|python-urllib|java-http-client|java/|okhttp"
                    + "|go-http-client|apache-httpclient|libwww|scrapy|headlesschrome|facebookexternalhit|preview)");

    private static final List<Rule> BROWSERS = List.of(
            new Rule("Edge", "(?:Edg|Edge|EdgA|EdgiOS)/(\\d+)"),
            new Rule("Opera", "(?:OPR|OPiOS)/(\\d+)"),
            new Rule("Samsung Internet", "SamsungBrowser/(\\d+)"),
            new Rule("Yandex Browser", "YaBrowser/(\\d+)"),
            new Rule("Vivaldi", "Vivaldi/(\\d+)"),
            new Rule("Firefox", "(?:Firefox|FxiOS)/(\\d+)"),
            new Rule("Chrome", "CriOS/(\\d+)"),
            new Rule("Chromium", "Chromium/(\\d+)"),
            new Rule("Chrome", "Chrome/(\\d+)"),
            new Rule("Safari", "Version/(\\d+)[.\\d]* (?:Mobile/\\S+ )?Safari/"),
            new Rule("Internet Explorer", "MSIE (\\d+)"),
            new Rule("Internet Explorer", "Trident/.*rv:(\\d+)"));

    private static final List<Rule> SYSTEMS = List.of(
            new Rule("Windows 10 or 11", "Windows NT 10\\.0()"),
            new Rule("Windows 8.1", "Windows NT 6\\.3()"),
            new Rule("Windows 8", "Windows NT 6\\.2()"),
            new Rule("Windows 7", "Windows NT 6\\.1()"),
            new Rule("Windows", "Windows()"),
            new Rule("iPadOS", "iPad.*? OS (\\d+)"),
            new Rule("iOS", "(?:iPhone|iPod).*? OS (\\d+)"),
            new Rule("Android", "Android (\\d+)"),
            new Rule("Android", "Android()"),
            new Rule("ChromeOS", "CrOS()"),
            new Rule("macOS", "Mac OS X()"),
            new Rule("Linux", "Linux()"));

    private UserAgents() {}

    static UserAgent parse(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return UserAgent.UNKNOWN;
        }
        Matcher bot = BOT.matcher(header);
        if (bot.find()) {
            return new UserAgent(
                    botName(header, bot.group(1)), null, system(header).name(), "bot");
        }
        Match browser = first(BROWSERS, header);
        Match system = system(header);
        return new UserAgent(
                browser == null ? "other" : browser.name(),
                browser == null ? null : browser.version(),
                system.name(),
                device(header, system));
    }

    private static Match system(String header) {
        Match system = first(SYSTEMS, header);
        if (system == null) {
            return new Match("unknown", null);
        }
        return system.version() == null ? system : new Match(system.name() + " " + system.version(), null);
    }

    private static String device(String header, Match system) {
        if (header.contains("iPad")
                || header.contains("Tablet")
                || (system.name().startsWith("Android") && !header.contains("Mobile"))) {
            return "tablet";
        }
        if (header.contains("Mobi") || header.contains("iPhone") || header.contains("iPod")) {
            return "mobile";
        }
        return system.name().equals("unknown") ? "unknown" : "desktop";
    }

    /** Bots by the product token that gave them away (Googlebot/2.1 is "Googlebot"), never the whole header. */
    private static String botName(String header, String token) {
        Matcher product = Pattern.compile(
                        "([A-Za-z][A-Za-z0-9._-]*" + Pattern.quote(token) + "[A-Za-z0-9._-]*)",
                        Pattern.CASE_INSENSITIVE)
                .matcher(header);
        String name = product.find() ? product.group(1) : token;
        return name.length() > 40 ? name.substring(0, 40) : name;
    }

    private static @Nullable Match first(List<Rule> rules, String header) {
        for (Rule rule : rules) {
            Matcher matcher = rule.pattern().matcher(header);
            if (matcher.find()) {
                String version = matcher.groupCount() > 0 ? matcher.group(1) : null;
                return new Match(rule.name(), version == null || version.isEmpty() ? null : version);
            }
        }
        return null;
    }

    private record Rule(String name, Pattern pattern) {
        Rule(String name, String regex) {
            this(name, Pattern.compile(regex));
        }
    }

    private record Match(String name, @Nullable String version) {}
}
