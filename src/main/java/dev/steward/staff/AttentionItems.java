package dev.steward.staff;

import java.util.List;

/**
 * Lets other modules say on the console's front page what needs attention, without the staff module knowing them:
 * each bean answers only what the caller's role may open, counted over the caller's sites.
 */
public interface AttentionItems {

    List<Attention> attentionFor(Caller caller);
}
