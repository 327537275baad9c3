package dev.steward.wording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.catalog.Catalogs;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.Pages;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.Visitor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every page a visitor of the two seed sites can reach, and every mail they get, after the main flows (each form, a
 * double opt-in, a registration, a rights request from its e-mail to its answer and its package): none of it may show
 * a person a raw timestamp, a catalog key, an enum name or a sentence strung together from keys.
 */
@StewardTest
class VisitorWordingTest {

    private static final List<String> SITES = List.of(SeedForms.OLYMPUS, SeedForms.OMRON);
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    private static final Pattern LINK_BUTTON = Pattern.compile("<form[^>]*class=\"link-button\"");
    private static final Pattern RIGHT = Pattern.compile("/privacy-center/rights/([\\w-]+)\\?");
    private static final Pattern CODE = Pattern.compile("enter the code (\\d{6})");

    @LocalServerPort
    int port;

    @Autowired
    Catalogs catalogs;

    @Autowired
    TestClock clock;

    private final Map<String, String> read = new LinkedHashMap<>();
    private final Set<String> linked = new LinkedHashSet<>();
    private final Set<String> mailsRead = new LinkedHashSet<>();

    @Test
    void noVisitorPageOrMailSpeaksTheMachinesLanguage() {
        // the mail other tests left on the seed sites (the test database is shared) is theirs, not read here: its
        // links may have expired or been used up since (an access package, a confirmation), and then open no form
        for (String site : SITES) {
            mailOf(site).forEach(mail -> mailsRead.add(mail.get("id").asString()));
        }
        Visitor visitor = new Visitor(port);
        List<Filled> forms = SeedForms.all();
        forms.forEach(form -> submit(visitor, form));
        submit(visitor, SeedForms.olympusContact().with("email", "not-an-address"));
        readMail(visitor);
        for (String site : SITES) {
            askForACopy(
                    visitor,
                    site,
                    forms.stream()
                            .filter(f -> f.site().equals(site))
                            .findFirst()
                            .orElseThrow());
        }
        readMail(visitor);
        crawl(visitor);

        MachineWords machine = MachineWords.of(catalogs);
        Map<String, List<String>> found = new LinkedHashMap<>();
        read.forEach((where, text) -> {
            List<String> words = machine.in(text);
            if (!words.isEmpty()) {
                found.put(where, words);
            }
        });
        assertThat(read.keySet())
                .as("what was read")
                .hasSizeGreaterThan(60)
                .anyMatch(where -> where.startsWith("mail"))
                .anyMatch(where -> where.contains("/receipts/"))
                .anyMatch(where -> where.contains("summary.html"))
                .anyMatch(where -> where.contains("/privacy-center/requests/"));
        assertThat(found).as("machine words on pages and in mails").isEmpty();
    }

    private void submit(Visitor visitor, Filled form) {
        String page = form.path() + (form.region() == null ? "" : "?region=" + form.region());
        HttpResponse<String> shown = visitor.get(page);
        keep(page, shown);
        clock.advance(Duration.ofSeconds(1));
        keep(
                "POST " + form.path(),
                follow(visitor, visitor.postForm(form.path(), form.formFields(Console.csrf(shown.body())))));
    }

    /** Asks for a copy of the data in the privacy center, confirms by mail and has staff answer it. */
    private void askForACopy(Visitor visitor, String site, Filled person) {
        String centre = "/s/" + site + "/privacy-center/rights?region=" + person.region();
        keep(centre, visitor.get(centre));
        List<String> rights = RIGHT.matcher(visitor.get(centre).body())
                .results()
                .map(m -> m.group(1))
                .distinct()
                .toList();
        for (String right : rights) {
            String path = "/s/" + site + "/privacy-center/rights/" + right + "?region=" + person.region();
            keep(path, visitor.get(path));
        }
        String type =
                rights.contains("access") ? "access" : rights.contains("disclosure") ? "disclosure" : rights.get(0);
        HttpResponse<String> page =
                visitor.get("/s/" + site + "/privacy-center/rights/" + type + "?region=" + person.region());
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> status = follow(
                visitor,
                visitor.postForm(
                        "/s/" + site + "/privacy-center/requests",
                        Map.of(
                                "_csrf", Console.csrf(page.body()),
                                "type", type,
                                "region", person.region(),
                                "email", person.email())));
        String statusPath = keep("status of " + type, status);
        readMail(visitor);
        String token = statusPath.substring(statusPath.lastIndexOf('/') + 1).replace("?submitted", "");
        JsonNode request = Json.read(new Http(port)
                .get("/api/v1/sites/" + site + "/requests/" + token)
                .body());
        if (!request.get("status").asString().equals("received")) {
            return;
        }
        String id = request.get("request").asString();
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> fulfilled = new Http(port)
                .postJson(
                        "/api/v1/admin/requests/" + id + "/fulfil",
                        "{}",
                        Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(fulfilled.statusCode()).as(fulfilled.body()).isEqualTo(200);
        keep(statusPath, visitor.get(statusPath));
        readMail(visitor);
    }

    /** Reads each new mail of the seed sites, opens its links and presses the button of each page they open. */
    private void readMail(Visitor visitor) {
        for (String site : SITES) {
            for (JsonNode mail : mailOf(site)) {
                if (!mailsRead.add(mail.get("id").asString())) {
                    continue;
                }
                String text = mail.get("subjectLine").asString() + "\n"
                        + mail.get("text").asString();
                read.put(
                        "mail '" + mail.get("subjectLine").asString() + "' "
                                + mail.get("id").asString(),
                        text);
                Matcher links = Pattern.compile("https?://[^/\\s]+(/s/[^\\s]*)").matcher(text);
                while (links.find()) {
                    open(visitor, links.group(1), text);
                }
            }
        }
    }

    private List<JsonNode> mailOf(String site) {
        HttpResponse<String> listing = new Http(port)
                .get("/api/v1/admin/mailbox?limit=500&site=" + site, Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(listing.statusCode()).as("mailbox listing").isEqualTo(200);
        return Json.read(listing.body()).get("messages").valueStream().toList();
    }

    private void open(Visitor visitor, String link, String mail) {
        HttpResponse<String> page = visitor.get(link);
        keep(link, page);
        if (link.contains("/privacy-center/packages/")) {
            Matcher code = CODE.matcher(mail);
            assertThat(code.find()).as("the package's code in %s", mail).isTrue();
            readPackage(visitor, link, page, code.group(1));
        } else if (LINK_BUTTON.matcher(page.body()).find()) {
            Map<String, String> fields = new LinkedHashMap<>();
            if (page.body().contains("name=\"password\"")) {
                fields.put("password", SeedForms.PASSWORD);
            }
            clock.advance(Duration.ofSeconds(1));
            keep("POST " + link, follow(visitor, visitor.submit(link, link, fields)));
        }
    }

    private void readPackage(Visitor visitor, String link, HttpResponse<String> page, String code) {
        HttpResponse<byte[]> download =
                visitor.download(link, Map.of("_csrf", Console.csrf(page.body()), "code", code));
        assertThat(download.statusCode()).as("the package of %s", link).isEqualTo(200);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith(".html")) {
                    read.put(
                            entry.getName() + " of " + link,
                            Pages.text(new String(zip.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every visitor page linked from what was read, breadth first. */
    private void crawl(Visitor visitor) {
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new LinkedHashSet<>(queue);
        new ArrayList<>(linked).forEach(link -> {
            if (seen.add(link)) {
                queue.add(link);
            }
        });
        for (String site : SITES) {
            for (String path : List.of(
                    "/s/" + site + "/",
                    "/s/" + site + "/privacy/history",
                    "/s/" + site + "/account/login",
                    "/s/" + site + "/account/reset")) {
                if (seen.add(path)) {
                    queue.add(path);
                }
            }
        }
        while (!queue.isEmpty() && seen.size() < 600) {
            String path = queue.poll();
            HttpResponse<String> page = visitor.get(path);
            if (!page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                continue;
            }
            keep(path, page);
            Matcher links = LINK.matcher(page.body());
            while (links.find()) {
                String link = links.group(1).replace("&amp;", "&");
                if (visitorPage(link) && seen.add(link)) {
                    queue.add(link);
                }
            }
        }
    }

    private static boolean visitorPage(String link) {
        return (link.equals("/")
                        || link.startsWith("/receipts/")
                        || SITES.stream().anyMatch(s -> link.startsWith("/s/" + s + "/")))
                && !link.endsWith(".js")
                && !link.endsWith(".json")
                && !link.contains("/logout");
    }

    private String keep(String where, HttpResponse<String> page) {
        String path = page.uri().getRawPath()
                + (page.uri().getRawQuery() == null ? "" : "?" + page.uri().getRawQuery());
        if (page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            read.put(where.startsWith("/") ? path : where + " -> " + path, Pages.text(page.body()));
            LINK.matcher(page.body())
                    .results()
                    .map(m -> m.group(1).replace("&amp;", "&"))
                    .filter(VisitorWordingTest::visitorPage)
                    .forEach(linked::add);
        }
        return path;
    }

    private HttpResponse<String> follow(Visitor visitor, HttpResponse<String> answer) {
        HttpResponse<String> current = answer;
        for (int hops = 0; hops < 5 && current.statusCode() / 100 == 3; hops++) {
            URI location = URI.create(current.headers().firstValue("Location").orElseThrow());
            String path = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
            current = visitor.get(path);
        }
        return current;
    }
}
