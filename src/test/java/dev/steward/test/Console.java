package dev.steward.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A staff member's browser session on the console: signed in through the login form, with CSRF tokens. */
public final class Console {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Http http;

    private Console(Http http) {
        this.http = http;
    }

    public static Console signIn(int port, String username, String password) {
        return signIn(new Http(port), username, password);
    }

    /** Signs in from this browser, which keeps its cookies (a device cookie too) from one sign-in to the next. */
    public static Console signIn(Http http, String username, String password) {
        assertThat(attempt(http, username, password).headers().firstValue("Location"))
                .as("signed in")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        return new Console(http);
    }

    /** Where the sign-in form sends a browser: to {@code /admin} when signed in, to {@code /login?error} when not. */
    public static String signInAnswer(int port, String username, String password) {
        return signInAnswer(new Http(port), username, password);
    }

    /** Where the sign-in form sends this browser, which keeps its cookies from one attempt to the next. */
    public static String signInAnswer(Http browser, String username, String password) {
        return attempt(browser, username, password)
                .headers()
                .firstValue("Location")
                .orElseThrow();
    }

    /** The sign-in form posted from this browser, as answered. */
    public static HttpResponse<String> attempt(Http http, String username, String password) {
        return http.postForm(
                "/login",
                Map.of(
                        "username",
                        username,
                        "password",
                        password,
                        "_csrf",
                        csrf(http.get("/login").body())));
    }

    /** The signed-in browser's client, for requests a page would not make (a form without its token). */
    public Http http() {
        return http;
    }

    public HttpResponse<String> get(String path) {
        return http.get(path);
    }

    /** Posts a console form, taking the CSRF token from the page the form is on. */
    public HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) {
        return submit(pagePath, action, List.copyOf(fields.entrySet()));
    }

    /** Posts a console form whose fields may repeat (checkboxes), with the CSRF token of the page it is on. */
    public HttpResponse<String> submit(String pagePath, String action, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> withToken = new ArrayList<>(fields);
        withToken.add(Map.entry("_csrf", csrf(http.get(pagePath).body())));
        return http.postForm(action, withToken);
    }

    public static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return matcher.group(1);
    }
}
