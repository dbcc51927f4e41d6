// Renders each badge's social preview, public/badges/og/<id>.png (1200×630): the networks show
// no SVG in a link preview, so the shared badge page (functions/src/earn/badge-page.ts) points to
// these. The artwork is the badge's own SVG; the name is written in both languages, as on the
// referral preview. Re-run after adding or redrawing a badge, and commit the PNGs:
//   npm run badge-previews
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { BADGE_IDS } from '../src/domain/earn/badges'
import enEarn from '../src/i18n/en/earn'
import heEarn from '../src/i18n/he/earn'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'public/badges/og')
// Debian's Chromium where installed, as the end-to-end tests use it.
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path))
/** Social networks accept larger images, but chat apps fetch previews on slow phones. */
const MAX_BYTES = 60_000

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)
}

function page(svg: string, logo: string, he: string, en: string): string {
  // Flat colours only: a gradient would multiply the PNG's size for nothing a thumbnail shows.
  return `<!doctype html><html><head><meta charset="utf-8"><style>
html,body{margin:0;width:1200px;height:630px;background:#0f5c4d;font-family:'DejaVu Sans','Noto Sans Hebrew',sans-serif;color:#fff;overflow:hidden}
main{display:flex;align-items:center;gap:64px;height:630px;padding:0 90px;box-sizing:border-box}
.art{flex:none;width:380px;height:380px;border-radius:50%;background:#fff;display:grid;place-items:center}
.art svg{width:360px;height:360px}
.words{display:grid;gap:24px}
.he{direction:rtl;font-size:64px;font-weight:700;line-height:1.15}
.en{font-size:52px;font-weight:700;line-height:1.15;color:#f2c14e}
.logo{position:absolute;inset-inline-end:48px;inset-block-end:40px;width:72px;height:72px}
.logo svg{width:72px;height:72px}
</style></head><body><main>
<div class="art">${svg}</div>
<div class="words"><div class="he">${escape(he)}</div><div class="en">${escape(en)}</div></div>
</main><div class="logo">${logo}</div></body></html>`
}

async function main() {
  mkdirSync(OUT, { recursive: true })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] })
  try {
    const tab = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 })
    const logo = readFileSync(join(ROOT, 'public/brand/logo.svg'), 'utf8')
    for (const id of BADGE_IDS) {
      const svg = readFileSync(join(ROOT, `public/badges/${id}.svg`), 'utf8')
      await tab.setContent(page(svg, logo, heEarn.earn.badges.names[id], enEarn.earn.badges.names[id]))
      const file = join(OUT, `${id}.png`)
      await tab.screenshot({ path: file, type: 'png' })
      const bytes = statSync(file).size
      console.log(`${file.slice(ROOT.length + 1)}  ${Math.round(bytes / 1024)} KB${bytes > MAX_BYTES ? '  (over 60 KB)' : ''}`)
    }
  } finally {
    await browser.close()
  }
}

await main()
