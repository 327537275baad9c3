package dev.steward.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parameter whose value is not one of the page's choices ({@code ?region=XX}), with the values that would do: a page
 * links each of them, so the reader can go on from the error instead of editing the address by hand. The API answers
 * it as any invalid input (422 with the field error).
 */
public class InvalidChoiceException extends InvalidInputException {

    /**
     * One value that would do, as the reader knows it; {@code lang} names the language of {@code label} where it is
     * not the page's (a name the catalog has only in the site's default language).
     */
    public record Choice(
            String value, String label, @Nullable String lang) {}

    private final String parameter;
    private final transient List<Choice> choices;

    public InvalidChoiceException(FieldError error, String parameter, List<Choice> choices) {
        super(error);
        this.parameter = parameter;
        this.choices = List.copyOf(choices);
    }

    public String parameter() {
        return parameter;
    }

    public List<Choice> choices() {
        return choices;
    }
}
