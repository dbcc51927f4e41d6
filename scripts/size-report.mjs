// Prints the gzipped JavaScript and CSS that the card route (/) loads from the production build
// in dist/: the entry chunk, the wallet view, and everything they import statically.
//   node scripts/size-report.mjs [--json]
import { readFileSync } from 'node:fs'
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

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ jsGzip: js, cssGzip: css, files: rows }))
} else {
  console.log('Card route (/) from the production build, gzipped:')
  for (const row of rows) console.log(`  ${kb(row.gzip).padStart(9)}  ${row.file}`)
  console.log(`  JavaScript ${kb(js)} · CSS ${kb(css)}`)
}
