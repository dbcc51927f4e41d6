// Prints the gzipped JavaScript and CSS that the card route (/) needs to paint, from the production
// build in dist/: the entry chunk, the wallet view, everything they import statically, and the
// larger of the two languages' core messages (src/i18n/<locale>/core.ts, loaded before the first paint). With --budget it
// fails when that JavaScript is over 100 KB or any precached file is over 2 MiB.
//   node scripts/size-report.mjs [--json] [--budget]
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ROOT } from './lib/emulators.mjs'

const DIST = join(ROOT, 'dist')
const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8'))
const CARD_ROUTE = ['index.html', 'src/views/WalletView.vue']

function collect(key, seen) {
  const chunk = manifest[key]
  if (!chunk || seen.has(key)) return
  seen.add(key)
  for (const imported of chunk.imports ?? []) collect(imported, seen)
}

const keys = new Set()
for (const key of CARD_ROUTE) collect(key, keys)
const gzOf = (key) => gzipSync(readFileSync(join(DIST, manifest[key].file)), { level: 9 }).length
const [heavierLocale] = ['src/i18n/he/core.ts', 'src/i18n/en/core.ts'].filter((k) => manifest[k]).sort((a, b) => gzOf(b) - gzOf(a))
if (heavierLocale) collect(heavierLocale, keys)
const files = new Set()
for (const key of keys) {
  files.add(manifest[key].file)
  for (const css of manifest[key].css ?? []) files.add(css)
}

const gz = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length
const rows = [...files].map((file) => ({ file, gzip: gz(file) })).sort((a, b) => b.gzip - a.gzip)
const js = rows.filter((r) => r.file.endsWith('.js')).reduce((sum, r) => sum + r.gzip, 0)
const css = rows.filter((r) => r.file.endsWith('.css')).reduce((sum, r) => sum + r.gzip, 0)
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

const BUDGET_JS = 100 * 1024
const BUDGET_FILE = 2 * 1024 * 1024
// What the service worker precaches is listed in dist/sw.js; check each file's size on disk.
const sw = readFileSync(join(DIST, 'sw.js'), 'utf8')
const precached = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1].replace(/^\//, ''))
const oversized = precached.filter((file) => statSync(join(DIST, file)).size > BUDGET_FILE)
const largest = precached.map((file) => ({ file, size: statSync(join(DIST, file)).size })).sort((a, b) => b.size - a.size)[0]

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ jsGzip: js, cssGzip: css, files: rows }))
} else {
  console.log('Card route (/) from the production build, gzipped:')
  for (const row of rows) console.log(`  ${kb(row.gzip).padStart(9)}  ${row.file}`)
  console.log(`  JavaScript ${kb(js)} · CSS ${kb(css)}  (budget ${kb(BUDGET_JS)} of JavaScript)`)
  console.log(`Precached by the service worker: ${precached.length} files; largest ${largest?.file} ${kb(largest?.size ?? 0)} (limit 2 MiB each)`)
}
if (process.argv.includes('--budget')) {
  const problems = []
  if (js > BUDGET_JS) problems.push(`the card route needs ${kb(js)} of JavaScript, over the ${kb(BUDGET_JS)} budget`)
  if (precached.length === 0) problems.push('no precache list found in dist/sw.js')
  for (const file of oversized) problems.push(`${file} is over 2 MiB and precached`)
  for (const problem of problems) console.error(`✗ ${problem}`)
  process.exit(problems.length ? 1 : 0)
}
