// What the card route (/) costs, read from a production build: the entry chunk, the app it loads,
// the wallet view, everything they import statically and the larger of the two languages' core
// messages (src/i18n/<locale>/core.ts) from the manifest — and, counted apart, the boot scripts
// inlined in index.html (src/boot/), which paint the card before any of those chunks arrive. Shared by
// `scripts/size-report.mjs` (the budget in `npm test`) and `npm run bench:card`, so both print one figure.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export const CARD_ROUTE = ['index.html', 'src/app.ts', 'src/views/WalletView.vue']
const CORE_MESSAGES = ['src/i18n/he/core.ts', 'src/i18n/en/core.ts']

/** Bytes after gzip at the level a static host would use. */
export const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length

/** The card route's files in `dist` (largest first, gzipped) and their JavaScript and CSS totals. */
export function cardRouteSize(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'))
  const collect = (key, seen) => {
    const chunk = manifest[key]
    if (!chunk || seen.has(key)) return
    seen.add(key)
    for (const imported of chunk.imports ?? []) collect(imported, seen)
  }
  const gz = (file) => gzipSize(readFileSync(join(dist, file)))

  const keys = new Set()
  for (const key of CARD_ROUTE) collect(key, keys)
  const [heavierLocale] = CORE_MESSAGES.filter((k) => manifest[k]).sort((a, b) => gz(manifest[b].file) - gz(manifest[a].file))
  if (heavierLocale) collect(heavierLocale, keys)
  const files = new Set()
  for (const key of keys) {
    files.add(manifest[key].file)
    for (const css of manifest[key].css ?? []) files.add(css)
  }

  const rows = [...files].map((file) => ({ file, gzip: gz(file) })).sort((a, b) => b.gzip - a.gzip)
  const js = rows.filter((r) => r.file.endsWith('.js')).reduce((sum, r) => sum + r.gzip, 0)
  const css = rows.filter((r) => r.file.endsWith('.css')).reduce((sum, r) => sum + r.gzip, 0)
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m, i) => ({ file: `index.html, inline script ${i + 1}`, gzip: gzipSize(m[1]) }))
  const inlineJs = inline.reduce((sum, r) => sum + r.gzip, 0)
  return { rows, js, css, inline, inlineJs }
}
