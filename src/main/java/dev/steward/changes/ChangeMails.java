package dev.steward.changes;

import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.Site;
import dev.steward.mail.OutgoingMail;
import dev.steward.notice.NoticeChange;
import dev.steward.platform.MessageBundle;
import dev.steward.platform.StewardProperties;
import dev.steward.vault.SubjectId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The operational mail telling a person about a change of the notice: what changed in words, where to read every
 * change, and where a consent they gave changed, the link to give it again. Wording in
 * {@code i18n/notice-change-mail*.properties}, dates in words, in the language of the change it is given (the
 * recipient's), with a note where the change names an element in the site's default language.
 */
@Component
class ChangeMails {

    /** A consent asked again: the purpose's name and the exact wording the person is asked to agree to. */
    record Asked(LocalizedText.Shown purpose, String wording) {}

    private final StewardProperties properties;
    private final MessageBundle messages = new MessageBundle("i18n/notice-change-mail");

    ChangeMails(StewardProperties properties) {
        this.properties = properties;
    }

    OutgoingMail of(
            Site site,
            SubjectId subject,
            String address,
            String jurisdiction,
            NoticeChange change,
            List<Asked> asked,
            @Nullable String token,
            Locale locale) {
        String siteName = site.name().in(locale.getLanguage(), site.language());
        String base = properties.publicUrl();
        StringBuilder text = new StringBuilder()
                .append(message(locale, "mail.intro", siteName, MessageBundle.date(change.effective(), locale)))
                .append("\n\n")
                .append(message(locale, "mail.what"))
                .append('\n');
        change.sentences()
                .forEach(sentence -> text.append("- ").append(sentence).append('\n'));
        if (change.namesUntranslated()) {
            text.append(message(
                            locale,
                            "mail.untranslated",
                            languageName(locale.getLanguage(), locale),
                            languageName(site.language(), locale)))
                    .append('\n');
        }
        text.append('\n')
                .append(message(locale, "mail.diff", base + change.diffPath()))
                .append('\n')
                .append(message(
                        locale,
                        "mail.notice",
                        base + "/s/" + site.key() + "/privacy/v/" + change.to() + "?region=" + jurisdiction))
                .append("\n\n");
        if (token != null) {
            text.append(message(locale, "mail.reconsent")).append('\n');
            asked.forEach(one -> text.append(message(locale, "mail.reconsent.purpose", one.purpose(), one.wording()))
                    .append('\n'));
            text.append('\n')
                    .append(message(locale, "mail.reconsent.link"))
                    .append('\n')
                    .append(base)
                    .append(ReconsentController.path(site.key(), token))
                    .append("\n\n");
        }
        text.append(message(locale, "mail.why", siteName));
        OutgoingMail mail = OutgoingMail.operational(
                        site.key(), subject, address, message(locale, "mail.subject", siteName), text.toString())
                .withCategory(OutgoingMail.NOTICE_CHANGE);
        return token == null ? mail : mail.withSecrets(token);
    }

    private static String languageName(String tag, Locale in) {
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(in);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(in) + name.substring(1);
    }

    private String message(Locale locale, String code, Object... arguments) {
        return messages.get(locale, code, arguments);
    }
}
