package dev.steward.mail;

/**
 * Links in a message that record what its recipient does by merely being followed: a campaign's tracking pixel and
 * click redirects. Before staff see a message ({@code /admin/mailbox}, its API), the module that writes such links shows
 * each as what it leads to. WHY: a member of staff who followed a link of a subscriber's newsletter in the dev mailbox,
 * to see where it goes, was recorded as the subscriber clicking it; evidence of what a person did must not be made by
 * staff reading their mail (attack22).
 */
public interface TrackedLinks {

    /** The content with every tracked link replaced by where it leads ({@code html}: as an HTML attribute's value). */
    String untracked(String content, boolean html);
}
