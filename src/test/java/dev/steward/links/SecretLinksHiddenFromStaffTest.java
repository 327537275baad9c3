package dev.steward.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.LabTestBase;
import dev.steward.test.Mailboxes;
import dev.steward.test.Packages;
import dev.steward.test.Registrations;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.Smtp;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * With mail delivered to real mailboxes (over SMTP, to GreenMail), the secret parts of every kind of mail that acts
 * (links' tokens and codes) reach their recipients and nobody else: no console page and no staff API answer shows
 * one, the request's page and the outbox included.
 */
@StewardTest
@TestPropertySource(
        properties = {
            "steward.mail.interval=PT1S",
            "steward.mail.smtp.from=privacy@steward.test",
            "logging.level.com.icegreen.greenmail.user.UserManager=WARN"
        })
class SecretLinksHiddenFromStaffTest extends LabTestBase {

    private static final int SMTP_PORT = Smtp.freePort();
    private static final Pattern TOKEN = Pattern.compile(
            "(?:verify\\?token=|/verify/|/packages/|/confirm/|/parental-consent/|/reset/|/requests/)([\\w-]{43})");
    private static final Pattern CODE = Pattern.compile("(?:the code|request's page:) (\\d{6})");
    private static final Pattern CONSOLE_LINK = Pattern.compile("href=\"(/admin[^\"#]*)\"");
    private static final int MAX_PAGES = 400;

    @RegisterExtension
    static final GreenMailExtension smtp = Smtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry properties) {
        Smtp.sendTo(properties, SMTP_PORT);
    }

    @Test
    void noTokenOrCodeOfAnyMailedLinkAppearsInAnyConsolePageOrStaffApiAnswer() {
        String requester = Canary.email("hidden-access");
        customers.customer("hidden-access");
        String request = fulfilledAccess(requester);
        Filled newsletter = SeedForms.olympusNewsletter();
        post(newsletter);
        String parent = Canary.email(SeedForms.unique("hidden-parent"));
        post(SeedForms.olympusContact().age("12").parent(parent).region("EU"));
        Filled account = SeedForms.omronAccount();
        post(account);
        String registered = mailTo(account.email(), "Confirm your e-mail address");
        Registrations.verifyWith(
                port,
                Mailboxes.linkIn(registered, "/s/omron-healthcare/account/verify/")
                        .orElseThrow(),
                SeedForms.PASSWORD);
        new Visitor(port)
                .submit(
                        "/s/omron-healthcare/account/reset",
                        "/s/omron-healthcare/account/reset",
                        Map.of("login", account.email()));

        List<String> mails = List.of(
                registered,
                mailTo(requester, "Confirm your request"),
                mailTo(requester, "Your request is answered"),
                mailTo(newsletter.email(), "Please confirm your subscription"),
                mailTo(parent, "Please confirm your child's form"),
                mailTo(account.email(), "Reset your password"));
        Set<String> secrets = new LinkedHashSet<>();
        mails.forEach(mail -> secrets.addAll(all(TOKEN, mail)));
        mails.forEach(mail -> secrets.addAll(all(CODE, mail)));
        assertThat(secrets).as("tokens and codes mailed").hasSizeGreaterThanOrEqualTo(8);
        assertThat(Packages.download(new Http(port), mails.get(2)).statusCode())
                .as("the requester's own link and code work")
                .isEqualTo(200);

        Map<String, String> read = new LinkedHashMap<>(consolePages());
        read.putAll(staffApi(request));
        assertThat(read.keySet())
                .hasSizeGreaterThan(20)
                .contains("/admin/requests/" + request, "/admin/mailbox", "/api/v1/admin/mailbox?limit=500");
        assertThat(read.get("/api/v1/admin/mailbox?limit=500"))
                .as("the outbox shows the messages, their secrets withheld")
                .contains("Please confirm your subscription")
                .contains("[withheld]");
        read.forEach((path, body) -> secrets.forEach(secret -> assertThat(body)
                .as("%s shows a secret of a mailed link", path)
                .doesNotContainPattern("(?<![\\w-])" + Pattern.quote(secret) + "(?![\\w-])")));
    }

    /** Every console page reachable from the dashboard by its links, as an administrator reads them. */
    private Map<String, String> consolePages() {
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        Map<String, String> pages = new LinkedHashMap<>();
        Deque<String> next = new ArrayDeque<>(List.of("/admin", "/admin/mailbox"));
        while (!next.isEmpty() && pages.size() < MAX_PAGES) {
            String path = next.poll();
            if (pages.containsKey(path)) {
                continue;
            }
            HttpResponse<String> page = admin.get(path);
            pages.put(path, page.body());
            Matcher link = CONSOLE_LINK.matcher(page.body());
            while (link.find()) {
                next.add(link.group(1).replace("&amp;", "&"));
            }
        }
        return pages;
    }

    /** The staff API's readings: every list, the request, its subject's consents and disclosures. */
    private Map<String, String> staffApi(String request) {
        Http staff = new Http(port);
        String subject = Json.read(get(staff, "/api/v1/admin/requests/" + request))
                .get("request")
                .get("subject")
                .asString();
        List<String> paths = new ArrayList<>(List.of(
                "/api/v1/admin/requests",
                "/api/v1/admin/requests/" + request,
                "/api/v1/admin/mailbox?limit=500",
                "/api/v1/admin/audit",
                "/api/v1/admin/audit?subject=" + subject,
                "/api/v1/admin/inquiries",
                "/api/v1/admin/recipient-tasks",
                "/api/v1/admin/restrictions",
                "/api/v1/admin/subjects/" + subject + "/consents",
                "/api/v1/admin/subjects/" + subject + "/disclosures"));
        Json.read(get(staff, "/api/v1/admin/inquiries"))
                .get("cases")
                .valueStream()
                .forEach(inquiry ->
                        paths.add("/api/v1/admin/inquiries/" + inquiry.get("id").asString()));
        Map<String, String> answers = new LinkedHashMap<>();
        paths.forEach(path -> answers.put(path, get(staff, path)));
        return answers;
    }

    private String get(Http staff, String path) {
        HttpResponse<String> answer = staff.get(path, Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(answer.statusCode()).as("%s: %s", path, answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** An access request, verified through its link's page and answered by staff: answers its id. */
    private String fulfilledAccess(String email) {
        Http api = new Http(port);
        HttpResponse<String> submitted = api.postJson(
                "/api/v1/sites/lab/requests", "{\"type\":\"access\",\"email\":\"" + email + "\",\"region\":\"EU\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = Json.read(submitted.body()).get("request").asString();
        Matcher token = TOKEN.matcher(mailTo(email, "Confirm your request"));
        assertThat(token.find()).isTrue();
        String link = "/s/lab/privacy-center/verify?token=" + token.group(1);
        Http person = new Http(port);
        assertThat(person.postForm(
                                link,
                                Map.of("_csrf", Console.csrf(person.get(link).body())))
                        .statusCode())
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(api.postJson(
                                "/api/v1/admin/requests/" + id + "/fulfil",
                                "",
                                Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                        .statusCode())
                .isEqualTo(200);
        return id;
    }

    private void post(Filled form) {
        HttpResponse<String> answer = new Visitor(port).postJson(form.apiPath(), form.json());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    /** The text of the message to the address whose subject line contains the words, once it has arrived. */
    private String mailTo(String address, String subjectLine) {
        return Smtp.text(Smtp.awaitMessage(smtp::getReceivedMessages, address, subjectLine));
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
