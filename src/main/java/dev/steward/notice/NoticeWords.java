package dev.steward.notice;

import dev.steward.catalog.Countries;
import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.Recipient;
import dev.steward.notice.NoticeFacts.LegalBasisFacts;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The law's citations and the countries' names as a notice page words them in its reader's language ("Art. 6 Abs. 1
 * lit. f DSGVO", "Vereinigte Staaten"): a German or Japanese notice showed them in English ("Art. 6(1)(f) GDPR",
 * "Notice at collection", "United States"), words of Steward's own and not of the catalog. The facts keep the English
 * words, which {@code privacy.json} shows and a published version's digest is held to: a version published earlier
 * still opens on a new build. Templates call it as {@code @noticeWords}.
 */
@Component("noticeWords")
public class NoticeWords {

    private final MessageSource messages;

    NoticeWords(MessageSource messages) {
        this.messages = messages;
    }

    /** A legal basis's citation; the stored one where the bundles have none for it. */
    public String citation(LegalBasisFacts basis, Locale reader) {
        return messages.getMessage("basis.citation." + basis.key(), null, basis.citation(), reader);
    }

    /**
     * Legal bases stored by their English citations, as a signed consent receipt names them, in the reader's language
     * and joined ("Art. 6 Abs. 1 lit. a DSGVO"); a citation Steward did not give stays as it is.
     */
    public String citations(List<String> englishCitations, Locale reader) {
        return String.join(
                "; ",
                englishCitations.stream()
                        .map(citation -> Arrays.stream(LegalBasis.values())
                                .filter(basis -> basis.citation().equals(citation))
                                .findFirst()
                                .map(basis ->
                                        messages.getMessage("basis.citation." + basis.key(), null, citation, reader))
                                .orElse(citation))
                        .toList());
    }

    /** A transfer's safeguard, stored as its English citation ("Explicit consent, Art. 49 GDPR"). */
    public @Nullable String safeguard(@Nullable String citation, Locale reader) {
        return Arrays.stream(Recipient.Safeguard.values())
                .filter(safeguard -> safeguard.citation().equals(citation))
                .findFirst()
                .map(safeguard -> messages.getMessage(
                        "safeguard." + safeguard.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        null,
                        citation,
                        reader))
                .orElse(citation);
    }

    /** A country stored by its English name, in the reader's language; a name Steward did not give stays. */
    public @Nullable String country(@Nullable String englishName, Locale reader) {
        if (englishName == null) {
            return null;
        }
        return Countries.codeOf(englishName)
                .map(code -> "EU".equals(code)
                        ? messages.getMessage("country.eu", null, englishName, reader)
                        : Countries.name(code, reader))
                .orElse(englishName);
    }

    /** Countries stored by their English names, in the reader's language, as one list ("Vereinigte Staaten, Tschechien"). */
    public String countries(List<String> englishNames, Locale reader) {
        return String.join(
                ", ", englishNames.stream().map(name -> country(name, reader)).toList());
    }
}
