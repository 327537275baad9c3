package dev.steward.notice;

import java.util.Map;

/** What a published version says: the notice of each region, and the summary that diffs compare. */
record PublishedFacts(Map<String, NoticeFacts> regions, SiteFacts site) {}
