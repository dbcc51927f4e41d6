// Prints the gzipped JavaScript and CSS of the card route (/) from the production build in dist/
// (scripts/lib/route-size.mjs: the entry, the app, the wallet view, their static imports and the
// core messages) and the boot scripts inlined in index.html. With --budget it fails when the
// chunks are over 60 KB, the inline scripts over 14 KB, or any precached file over 2 MiB.
//   node scripts/size-report.mjs [--json] [--budget]
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './lib/emulators.mjs'
import { cardRouteSize } from './lib/route-size.mjs'

const DIST = join(ROOT, 'dist')
const { rows, js, css, inline, inlineJs } = cardRouteSize(DIST)
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

// Issue 16's budget for the card route's chunks, and one for the boot scripts the page carries inline.
const BUDGET_JS = 60 * 1024
const BUDGET_INLINE = 14 * 1024
const BUDGET_FILE = 2 * 1024 * 1024
// What the service worker precaches is listed in dist/sw.js; check each file's size on disk.
const sw = readFileSync(join(DIST, 'sw.js'), 'utf8')
const precached = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1].replace(/^\//, ''))
const oversized = precached.filter((file) => statSync(join(DIST, file)).size > BUDGET_FILE)
const largest = precached.map((file) => ({ file, size: statSync(join(DIST, file)).size })).sort((a, b) => b.size - a.size)[0]

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ jsGzip: js, cssGzip: css, inlineJsGzip: inlineJs, files: rows, inline }))
} else {
  console.log('Card route (/) from the production build, gzipped:')
  for (const row of rows) console.log(`  ${kb(row.gzip).padStart(9)}  ${row.file}`)
  console.log(`  JavaScript ${kb(js)} · CSS ${kb(css)}  (budget ${kb(BUDGET_JS)} of JavaScript)`)
  console.log('Inline in index.html (the boot scripts, src/boot/), gzipped:')
  for (const row of inline) console.log(`  ${kb(row.gzip).padStart(9)}  ${row.file}`)
  console.log(`  JavaScript ${kb(inlineJs)}  (budget ${kb(BUDGET_INLINE)}); with the chunks ${kb(js + inlineJs)}`)
  console.log(`Precached by the service worker: ${precached.length} files; largest ${largest?.file} ${kb(largest?.size ?? 0)} (limit 2 MiB each)`)
}
if (process.argv.includes('--budget')) {
  const problems = []
  if (js > BUDGET_JS) problems.push(`the card route needs ${kb(js)} of JavaScript, over the ${kb(BUDGET_JS)} budget`)
  if (inlineJs > BUDGET_INLINE) problems.push(`index.html carries ${kb(inlineJs)} of inline JavaScript, over the ${kb(BUDGET_INLINE)} budget`)
  if (precached.length === 0) problems.push('no precache list found in dist/sw.js')
  for (const file of oversized) problems.push(`${file} is over 2 MiB and precached`)
  for (const problem of problems) console.error(`✗ ${problem}`)
  process.exit(problems.length ? 1 : 0)
}
