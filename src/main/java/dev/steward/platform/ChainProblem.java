package dev.steward.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What is wrong with the first broken row of an evidence chain, kept as a code with its figures rather than as a
 * sentence, so that the console says it in the staff member's language with the checkpoint's time written for them,
 * while {@code ledger verify} and the API say it in English (bundle {@code i18n/chain-problems}).
 *
 * @param code what kind of break ({@code content-changed}, {@code row-missing}, {@code checkpoint-hash-differs}, …)
 * @param checkpoint the signed checkpoint that contradicts the chain, where a checkpoint does
 * @param rows the row numbers the sentence names, in its order
 */
public record ChainProblem(String code, @Nullable Instant checkpoint, List<Long> rows) {

    public ChainProblem {
        rows = List.copyOf(rows);
    }

    static ChainProblem of(String code, long... rows) {
        return new ChainProblem(code, null, boxed(rows));
    }

    public static ChainProblem atCheckpoint(String code, Instant checkpoint, long... rows) {
        return new ChainProblem(code, checkpoint, boxed(rows));
    }

    /** The sentence in a reader's language, the checkpoint's time written by {@code date}. */
    public String in(Locale locale, Function<Instant, String> date) {
        List<Object> arguments = new ArrayList<>();
        if (checkpoint != null) {
            arguments.add(date.apply(checkpoint));
        }
        arguments.addAll(rows);
        return new MessageBundle("i18n/chain-problems").get(locale, "chain.problem." + code, arguments.toArray());
    }

    /** As {@code ledger verify} prints it and the API answers it. */
    public String english() {
        return in(Locale.ENGLISH, Instant::toString);
    }

    private static List<Long> boxed(long... rows) {
        List<Long> boxed = new ArrayList<>(rows.length);
        for (long row : rows) {
            boxed.add(row);
        }
        return boxed;
    }
}
