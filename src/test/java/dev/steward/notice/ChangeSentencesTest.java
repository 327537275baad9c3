package dev.steward.notice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.MessageBundle;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a change did, in sentences naming elements by their labels, and dates, in the reader's language. */
class ChangeSentencesTest {

    static final SiteFacts BEFORE = new SiteFacts(Map.of(
            "fields", Map.of("phone", Map.of("label", "Telefonnummer")),
            "activities", Map.of("contest", Map.of("name", "Gewinnspiel", "consent", "Ja", "fields", "name, phone"))));
    static final SiteFacts AFTER = new SiteFacts(Map.of(
            "fields", Map.of(),
            "activities", Map.of("contest", Map.of("name", "Gewinnspiel", "consent", "Ja, gern", "fields", "name"))));

    static final ChangeSentences.Names AS_STORED = (category, key, stored) -> stored;

    @Test
    void everyChangeIsASentenceInTheReadersLanguageWithLabelsNotKeys() {
        List<NoticeDiff.Change> changes = BEFORE.changesTo(AFTER);

        assertThat(new ChangeSentences(Locale.GERMAN, AS_STORED).of(changes, BEFORE, AFTER))
                .containsExactlyInAnyOrder(
                        "Wir fragen nicht mehr nach: Telefonnummer.",
                        "Gewinnspiel: Wir haben den Wortlaut der Einwilligung und die erhobenen Daten geändert.");
        assertThat(new ChangeSentences(Locale.JAPANESE, AS_STORED).of(changes, BEFORE, AFTER))
                .containsExactlyInAnyOrder("お客様のTelefonnummerはお尋ねしなくなりました。", "Gewinnspiel：お願いする同意の文言、取得するデータを変更しました。");
        // no French wording: the base (English) bundle, not the machine's locale
        assertThat(new ChangeSentences(Locale.FRENCH, AS_STORED).of(changes, BEFORE, AFTER))
                .containsExactlyInAnyOrder(
                        "We no longer ask for: Telefonnummer.",
                        "Gewinnspiel: we changed the wording of the consent we ask for and the data we collect.");
    }

    /** A field recorded without asking (a log file's, a newsletter's) is recorded, not asked for, in every language. */
    @Test
    void aFieldRecordedWithoutAskingIsSaidToBeRecorded() {
        SiteFacts before = new SiteFacts(Map.of("fields", Map.of()));
        SiteFacts after = new SiteFacts(Map.of(
                "fields",
                Map.of(
                        "opened", Map.of("label", "If and when you read our newsletters", "type", "technical"),
                        "zip", Map.of("label", "Zip", "type", "postal-code"))));
        List<NoticeDiff.Change> changes = before.changesTo(after);

        assertThat(new ChangeSentences(Locale.ENGLISH, AS_STORED).of(changes, before, after))
                .containsExactlyInAnyOrder(
                        "We now record: If and when you read our newsletters.", "We now ask for: Zip.");
        assertThat(new ChangeSentences(Locale.GERMAN, AS_STORED).of(changes, before, after))
                .containsExactlyInAnyOrder(
                        "Wir erfassen nun: If and when you read our newsletters.", "Wir fragen nun nach: Zip.");
        assertThat(new ChangeSentences(Locale.JAPANESE, AS_STORED).of(after.changesTo(before), after, before))
                .contains("If and when you read our newslettersは記録しなくなりました。");
    }

    @Test
    void datesAreWordsInTheReadersLanguage() {
        LocalDate day = LocalDate.of(2026, 3, 10);

        assertThat(MessageBundle.date(day, Locale.ENGLISH)).isEqualTo("March 10, 2026");
        assertThat(MessageBundle.date(day, Locale.GERMAN)).isEqualTo("10. März 2026");
        assertThat(MessageBundle.date(day, Locale.JAPANESE)).isEqualTo("2026年3月10日");
    }
}
