package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A campaign's footer (why the person receives it, unsubscribing, tracking, the privacy notice) speaks the language the
 * campaign is written in, as the application's message source has it; it used to be English whatever the site's.
 */
class CampaignFooterLanguageTest {

    private final CampaignTemplates templates = new CampaignTemplates(messages());

    @Test
    void aGermanSitesNewsletterFooterIsGerman() {
        Map<String, Object> variables = variables(true, true);
        String html = templates.html("a-site", Locale.GERMAN, variables);
        String text = templates.text("a-site", Locale.GERMAN, variables);
        for (String mail : List.of(html, text)) {
            assertThat(mail)
                    .contains("weil Sie „Neuigkeiten“ auf Beispiel GmbH abonniert")
                    .contains("Mit einem Klick abbestellen")
                    .contains("ob Sie diese E-Mail öffnen")
                    .contains("Datenschutzerklärung")
                    .doesNotContain("You receive")
                    .doesNotContain("Unsubscribe")
                    .doesNotContain("Privacy notice")
                    .doesNotContain("mail.campaign");
        }
        assertThat(text)
                .contains("Mit einem Klick abbestellen oder wählen, was Sie weiterhin erhalten: https://x.test/u/T");
    }

    @Test
    void operationalMailSaysWhatItConcernsInJapanese() {
        String text = templates.text("a-site", Locale.JAPANESE, variables(false, false));
        assertThat(text)
                .contains("お客様が当社にお預けになったもの（会員アカウント）")
                .contains("広告は含まれていません")
                .doesNotContain("ワンクリック")
                .doesNotContain("It contains");
    }

    @Test
    void anEnglishSiteKeepsItsWordsAndALanguageWithoutBundleReadsEnglish() {
        for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("fr"))) {
            assertThat(templates.html("a-site", language, variables(true, false)))
                    .contains("You receive this e-mail because you subscribed to &quot;Neuigkeiten&quot; on Beispiel")
                    .contains(">Unsubscribe with one click, or choose what you keep receiving</a>")
                    .doesNotContain("We record whether");
        }
    }

    private static Map<String, Object> variables(boolean marketing, boolean tracked) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("language", "de");
        variables.put("siteName", "Beispiel GmbH");
        variables.put("subjectLine", "Betreff");
        variables.put("marketing", marketing);
        variables.put("tracked", tracked);
        variables.put("listName", "Neuigkeiten");
        variables.put("concerns", "会員アカウント");
        variables.put("controllerName", "Beispiel GmbH");
        variables.put("postalAddress", "Hauptstraße 1");
        variables.put("postalLines", List.of("Hauptstraße 1"));
        variables.put("privacyUrl", "https://x.test/privacy");
        variables.put("unsubscribeUrl", "https://x.test/u/T");
        variables.put("pixelUrl", null);
        variables.put("body", "Hallo");
        return variables;
    }

    /** The application's visitor bundle, as {@code spring.messages} configures it. */
    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "console", "errors");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
