/* Run by Steward's cookie scanner in a page of the site: reads the site's sitemap (and, for a sitemap index, up to
   five sitemaps of the same origin it lists) and answers the page addresses in it. Reads at most `bytes` of each. */
async ([url, limit, bytes]) => {
  const read = async (address) => {
    try {
      const response = await fetch(address, { credentials: 'same-origin' });
      if (!response.ok || !response.body) return null;
      const reader = response.body.getReader(), parts = [];
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > bytes) { reader.cancel(); return null; }
        parts.push(value);
      }
      const text = await new Blob(parts).text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return doc.getElementsByTagName('parsererror').length ? null : doc;
    } catch (e) {
      return null;
    }
  };
  const locs = (doc) => [...doc.getElementsByTagNameNS('*', 'loc')].map((e) => e.textContent.trim());
  const root = await read(url);
  if (!root) return [];
  if (root.documentElement.localName !== 'sitemapindex') return locs(root).slice(0, limit);
  const pages = [];
  const children = locs(root).filter((u) => { try { return new URL(u).origin === location.origin; } catch (e) { return false; } });
  for (const child of children.slice(0, 5)) {
    const doc = await read(child);
    if (doc) pages.push(...locs(doc));
    if (pages.length >= limit) break;
  }
  return pages.slice(0, limit);
}
