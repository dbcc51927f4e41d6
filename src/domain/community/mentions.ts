/**
 * Mentions of partner stores in a post: `@` followed by a store's name in either language
 * ("@קפה שחר", "@Café Shachar") becomes a link to the store's page. Matched on the text as it is
 * shown (case-insensitive, the longest name first, so "@Super Hashchuna Express" is not read as
 * "@Super Hashchuna"); the text itself is never changed, only split for display.
 */
export type MentionSegment = { text: string } | { text: string; partnerId: string }

export interface MentionTarget {
  id: string
  names: readonly string[]
}

export function mentionSegments(text: string, partners: readonly MentionTarget[]): MentionSegment[] {
  const names = partners
    .flatMap((p) => p.names.filter((n) => n.trim().length > 0).map((name) => ({ id: p.id, name: name.trim() })))
    .sort((a, b) => b.name.length - a.name.length)
  const segments: MentionSegment[] = []
  let plain = ''
  let i = 0
  while (i < text.length) {
    if (text[i] === '@') {
      const rest = text.slice(i + 1)
      const hit = names.find(({ name }) => {
        if (rest.slice(0, name.length).toLocaleLowerCase() !== name.toLocaleLowerCase()) return false
        // A whole name: not the start of a longer word.
        const next = rest[name.length]
        return next === undefined || !/[\p{L}\p{N}]/u.test(next)
      })
      if (hit) {
        if (plain) segments.push({ text: plain })
        plain = ''
        segments.push({ text: text.slice(i, i + 1 + hit.name.length), partnerId: hit.id })
        i += 1 + hit.name.length
        continue
      }
    }
    plain += text[i]
    i++
  }
  if (plain) segments.push({ text: plain })
  return segments
}
