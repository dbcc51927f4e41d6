// `npm run bench:card`: the wallet card as a member meets it, on the production build.
//   1. How fast the card's QR appears in Chromium (390×844, 4× CPU throttling, median of RUNS): cold
//      (a returning member, nothing cached by the browser yet), warm (the service worker installed),
//      and offline; beside it the floor, a static page with only an inline QR image, in the same run.
//   2. JavaScript per route, gzipped: the card route from the build's manifest (the figure the size
//      check in `npm test` budgets), and what the browser fetches when a route is opened afresh.
//   3. Firestore reads a returning member's open costs (documents sent plus empty answers).
//   4. Lighthouse (mobile defaults, simulated throttling) on the card and on the visitors' landing page.
// Prints figures beside the issue's goals and asserts nothing: missing a goal still exits 0; only a
// measurement that could not be taken exits 1.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { Audit, Gatherer } from 'lighthouse'
import QRCode from 'qrcode'
import { DEMO_PASSWORD, demoAdmin } from './demo-club'
import { emulatorAdmin } from './lib/emulator-admin'
import { billedReads, countReads, type Reads } from './lib/count-reads'
import { cardRouteSize, gzipSize } from './lib/route-size.mjs'
import { seedDemoClub } from './seed-club'

const ROOT = join(import.meta.dirname, '..')
const DIST = join(ROOT, 'dist')
const BASE = 'http://localhost:4173'
const RUNS = 5
const VIEWPORT = { width: 390, height: 844 }
const DANA = 'dana@moadon.test'
// The card's QR, whoever drew it: the boot script's SVG in the first frame or the app's own.
const QR = '[data-qr-value^="V1."]'
const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']

const GOALS = { cold: 1.5, warm: 1.3, offline: 1.2, cardJsKb: 60, landingJsKb: 40, reads: 2 }
const LIGHTHOUSE_GOALS = {
  landing: { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 },
  card: { performance: 95 },
} as const

const started = performance.now()
const problems: string[] = []
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

async function run(command: string, args: string[]) {
  await new Promise<void>((resolve, reject) =>
    spawn(command, args, { cwd: ROOT, stdio: 'inherit' }).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed`)))),
  )
}

/** Waits until the preview server answers (it takes a few seconds to start). */
async function serving(url: string) {
  const deadline = performance.now() + 30_000
  for (;;) {
    const ok = await fetch(url).then((r) => r.ok, () => false)
    if (ok) return
    if (performance.now() > deadline) throw new Error(`the preview server did not answer ${url} within 30 s`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

async function throttled(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  return page
}

async function timeTo(page: Page, url: string, selector: string): Promise<number> {
  const begun = performance.now()
  await page.goto(url, { waitUntil: 'commit' })
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 60_000 })
  return performance.now() - begun
}

async function signIn(page: Page, email: string) {
  await page.goto(`${BASE}/sign-in`)
  await page.locator('input[type=email]').fill(email)
  await page.locator('input[type=password]').fill(DEMO_PASSWORD)
  await page.locator('button[type=submit]').click()
}

/** The inline scripts of a page's HTML, each gzipped on its own (what the document carries besides its modules). */
function inlineScripts(html: string): number[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((m) => m[1] ?? '')
    .filter((code) => code.trim() !== '')
    .map((code) => gzipSize(code))
}

interface RouteBytes {
  label: string
  path: string
  /** Gzipped JavaScript: inline scripts of the document plus every script file fetched. */
  js: number
  files: { name: string; gzip: number; arrived: number }[]
  inline: number
  finalPath: string
  /** With `shown`: the JavaScript whose response had arrived when that element became visible. */
  beforeShown: number | null
}

/**
 * Opens `path` on a fresh context (nothing cached, no service worker) and adds up the JavaScript
 * the page fetches until no script has been requested for `quietMs` after the load event — what
 * the visit costs before anyone touches the screen, including anything loaded once it is up.
 */
async function routeBytes(
  browser: Browser,
  label: string,
  path: string,
  state: Awaited<ReturnType<BrowserContext['storageState']>> | undefined,
  shown?: string,
  quietMs = 2500,
): Promise<RouteBytes> {
  const context = await browser.newContext({ viewport: VIEWPORT, storageState: state, serviceWorkers: 'block' })
  const page = await context.newPage()
  const pending: Promise<void>[] = []
  const files: RouteBytes['files'] = []
  let inline = 0
  let lastScript = performance.now()
  page.on('request', (request) => {
    if (request.resourceType() === 'script') lastScript = performance.now()
  })
  page.on('response', (response) => {
    const type = response.request().resourceType()
    if (type === 'script' && response.ok()) {
      const arrived = performance.now()
      pending.push(response.body().then((body) => void files.push({ name: new URL(response.url()).pathname.replace(/^\/assets\//, ''), gzip: gzipSize(body), arrived })))
    } else if (type === 'document' && response.frame() === page.mainFrame()) {
      pending.push(response.text().then((html) => void (inline = inlineScripts(html).reduce((sum, n) => sum + n, 0))))
    }
  })
  await page.goto(`${BASE}${path}`, { waitUntil: 'commit' })
  const shownAt = shown ? await page.locator(shown).first().waitFor({ state: 'visible', timeout: 60_000 }).then(() => performance.now()) : null
  await page.waitForLoadState('load')
  lastScript = Math.max(lastScript, performance.now())
  const deadline = performance.now() + 30_000
  while (performance.now() - lastScript < quietMs && performance.now() < deadline) await page.waitForTimeout(250)
  await Promise.all(pending)
  const finalPath = new URL(page.url()).pathname
  await context.close()
  files.sort((a, b) => b.gzip - a.gzip)
  const sum = (list: RouteBytes['files']) => inline + list.reduce((total, f) => total + f.gzip, 0)
  return { label, path, js: sum(files), files, inline, finalPath, beforeShown: shownAt === null ? null : sum(files.filter((f) => f.arrived <= shownAt)) }
}

// Lighthouse: which screen the page ended on, read from the page once it settled. Lighthouse
// gathers only artifacts some audit asks for, so a small audit carries it into the report.
interface ScreenSeen {
  path: string
  card: boolean
  heading: string
}
class CardShown extends Gatherer {
  meta = { supportedModes: ['navigation' as const] }
  async getArtifact(context: Parameters<Gatherer['getArtifact']>[0]) {
    const seen: ScreenSeen = await context.driver.executionContext.evaluate(
      (selector: string) => ({
        path: location.pathname,
        card: document.querySelector(selector) !== null,
        heading: (document.querySelector('h1')?.textContent ?? '').trim().slice(0, 60),
      }),
      { args: [QR], useIsolation: true },
    )
    return seen as never
  }
}
class CardShownAudit extends Audit {
  static get meta() {
    return {
      id: 'bench-card-shown',
      title: "The card's QR is on screen",
      failureTitle: "The card's QR is not on screen",
      description: 'Which screen the run ended on (bench:card).',
      requiredArtifacts: ['CardShown' as never],
      scoreDisplayMode: 'binary' as const,
    }
  }
  static audit(artifacts: Parameters<typeof Audit.audit>[0]) {
    const seen = (artifacts as unknown as { CardShown: ScreenSeen }).CardShown
    return { score: seen.card ? 1 : 0, displayValue: JSON.stringify(seen) }
  }
}

interface LighthouseFigures {
  scores: Record<string, number>
  lcp: number
  tbt: number
  cls: number
  finalUrl: string
  seen: ScreenSeen | undefined
  warnings: string[]
}

/** One Lighthouse run (mobile, simulated throttling) in a Chromium on `profile`. */
async function lighthouseRun(url: string, profile: string, keepStorage: boolean): Promise<LighthouseFigures> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    userDataDir: profile,
    chromeFlags: ['--headless=new', '--password-store=basic', '--use-mock-keychain', ...CHROMIUM_FLAGS],
  })
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', disableStorageReset: keepStorage },
      {
        extends: 'lighthouse:default',
        artifacts: [{ id: 'CardShown', gatherer: { implementation: CardShown } }],
        audits: [{ implementation: CardShownAudit }],
        // Lighthouse runs only the audits some category lists; weight 0 leaves the scores alone.
        categories: { 'bench-card': { title: 'bench:card', auditRefs: [{ id: CardShownAudit.meta.id, weight: 0 }] } },
      },
    )
    if (!result) throw new Error('Lighthouse returned no result')
    const { lhr } = result
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
    const scores = Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)]))
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN
    const shown = lhr.audits[CardShownAudit.meta.id]
    const seen = shown?.score === null || !shown?.displayValue ? undefined : (JSON.parse(shown.displayValue) as ScreenSeen)
    return {
      scores,
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      finalUrl: lhr.finalDisplayedUrl,
      seen,
      warnings: lhr.runWarnings,
    }
  } finally {
    chrome.kill()
  }
}

/**
 * A Chromium profile in which Dana signed in and her card was shown, so the device data is there —
 * with the service worker and its caches removed, and the HTTP cache emptied, as Lighthouse's own
 * reset would do: the run measures a returning member's first open without a worker.
 */
async function signInProfile(profile: string) {
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, args: CHROMIUM_FLAGS, viewport: VIEWPORT })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await signIn(page, DANA)
    await page.locator(QR).first().waitFor({ timeout: 60_000 })
    // Long enough for the app to store what the next open's first frame reads.
    await page.waitForTimeout(3000)
    await page.goto('about:blank')
    const cdp = await context.newCDPSession(page)
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(BASE).origin, storageTypes: 'service_workers,cache_storage' })
    await cdp.send('Network.clearBrowserCache')
  } finally {
    await context.close()
  }
}

await run('npx', ['vite', 'build', '--mode', 'emulator', '--logLevel', 'warn'])
const cardRoute = cardRouteSize(DIST)
const bootInline = inlineScripts(readFileSync(join(DIST, 'index.html'), 'utf8')).reduce((sum, n) => sum + n, 0)
// The floor: the smallest page that shows a QR code.
const floorQr = await QRCode.toDataURL('V1.12345674.59000000.ABCDEFGHIJ', { errorCorrectionLevel: 'M', margin: 2, width: 232 })
writeFileSync(join(DIST, 'bench-floor.html'), `<!doctype html><meta charset="utf-8"><title>floor</title><img id="qr" src="${floorQr}" width="232" height="232" alt="QR">`)

const { db, auth } = emulatorAdmin()
await seedDemoClub(db, auth)

const cold: number[] = []
const warm: number[] = []
const offline: number[] = []
const floorCold: number[] = []
const floorWarm: number[] = []
let workerMissing = 0
const routes: RouteBytes[] = []
let reads: Reads | null = null
const lighthouseResults: { label: 'landing' | 'card'; state: string; figures: LighthouseFigures | null }[] = []
const profiles: string[] = []

const preview = spawn('npx', ['vite', 'preview', '--port', '4173', '--strictPort'], { cwd: ROOT, stdio: 'ignore', detached: true })
try {
  await serving(`${BASE}/bench-floor.html`)
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_FLAGS })
  try {
    // A returning member: signed in once, so the session and the card are on the device.
    const setup = await browser.newContext({ viewport: VIEWPORT })
    const first = await setup.newPage()
    await signIn(first, DANA)
    await first.locator(QR).first().waitFor({ timeout: 60_000 })
    await first.waitForTimeout(3000)
    const dana = await setup.storageState({ indexedDB: true })
    await setup.close()

    const operator = await browser.newContext({ viewport: VIEWPORT })
    const operatorPage = await operator.newPage()
    await signIn(operatorPage, demoAdmin.email)
    await operatorPage.waitForURL(/\/admin/, { timeout: 60_000 })
    await operatorPage.waitForTimeout(2000)
    const admin = await operator.storageState({ indexedDB: true })
    await operator.close()

    // 1. Time to the QR.
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ storageState: dana, viewport: VIEWPORT })
      const page = await throttled(context)
      cold.push(await timeTo(page, `${BASE}/`, QR))
      const installed = await page.evaluate(
        () => Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000))]),
      )
      if (!installed) workerMissing++
      warm.push(await timeTo(page, `${BASE}/`, QR))
      await context.setOffline(true)
      offline.push(await timeTo(page, `${BASE}/`, QR))
      await context.close()

      const floorContext = await browser.newContext({ viewport: VIEWPORT })
      const floorPage = await throttled(floorContext)
      floorCold.push(await timeTo(floorPage, `${BASE}/bench-floor.html`, '#qr'))
      floorWarm.push(await timeTo(floorPage, `${BASE}/bench-floor.html`, '#qr'))
      await floorContext.close()
    }

    // 2. JavaScript per route, as the browser fetches it.
    routes.push(await routeBytes(browser, 'landing (signed out)', '/', undefined))
    routes.push(await routeBytes(browser, 'card (Dana)', '/', dana, QR))
    for (const path of ['/history', '/rewards', '/partners', '/earn', '/community']) routes.push(await routeBytes(browser, `${path.slice(1)} (Dana)`, path, dana))
    routes.push(await routeBytes(browser, 'admin (operator)', '/admin', admin))

    // 3. Firestore reads of Dana's open: a fresh page load of the card, with her device data.
    try {
      const context = await browser.newContext({ storageState: dana, viewport: VIEWPORT })
      const page = await context.newPage()
      reads = await countReads(
        page,
        async () => {
          await page.goto(`${BASE}/`)
          await page.locator(QR).first().waitFor({ timeout: 60_000 })
        },
        5000,
      )
      await context.close()
    } catch (error) {
      problems.push(`Firestore reads not measured: ${(error as Error).message}`)
    }
  } finally {
    await browser.close()
  }

  // 4. Lighthouse, one Chromium per run.
  try {
    const landingProfile = mkdtempSync(join(tmpdir(), 'bench-card-lh-'))
    profiles.push(landingProfile)
    lighthouseResults.push({
      label: 'landing',
      state: 'signed out, fresh profile, Lighthouse storage reset',
      figures: await lighthouseRun(`${BASE}/`, landingProfile, false),
    })
  } catch (error) {
    problems.push(`Lighthouse on the landing page failed: ${(error as Error).message}`)
    lighthouseResults.push({ label: 'landing', state: 'failed', figures: null })
  }
  try {
    const cardProfile = mkdtempSync(join(tmpdir(), 'bench-card-lh-'))
    profiles.push(cardProfile)
    await signInProfile(cardProfile)
    lighthouseResults.push({
      label: 'card',
      state: 'Dana signed in on the device (storage kept), no service worker, HTTP cache empty',
      figures: await lighthouseRun(`${BASE}/`, cardProfile, true),
    })
  } catch (error) {
    problems.push(`Lighthouse on the card failed: ${(error as Error).message}`)
    lighthouseResults.push({ label: 'card', state: 'failed', figures: null })
  }
} finally {
  process.kill(-preview.pid!)
  for (const profile of profiles) rmSync(profile, { recursive: true, force: true })
}

// The report.
const ms = (n: number) => `${n.toFixed(0)} ms`
console.log('')
console.log(`bench:card — production build, Chromium ${VIEWPORT.width}×${VIEWPORT.height}; figures, not assertions`)
console.log('')
console.log(`Time to the card's QR (4× CPU throttling, median of ${RUNS})`)
const floor = { cold: median(floorCold), warm: median(floorWarm) }
console.log(`  floor (static page, inline QR)          cold ${ms(floor.cold)}, warm ${ms(floor.warm)}`)
const ratios = {
  cold: median(cold) / floor.cold,
  warm: median(warm) / floor.warm,
  offline: median(offline) / floor.warm,
}
const timeRow = (label: string, values: number[], ratio: number) =>
  console.log(`  ${label.padEnd(40)} ${ms(median(values)).padStart(8)}   ×${ratio.toFixed(1)} the floor   (runs: ${values.map((v) => v.toFixed(0)).join(', ')})`)
timeRow('card, cold (no worker yet), online', cold, ratios.cold)
timeRow('card, warm (worker installed), online', warm, ratios.warm)
timeRow('card, warm, offline', offline, ratios.offline)
if (workerMissing) console.log(`  ! in ${workerMissing} of ${RUNS} runs the service worker was not ready 30 s after the card: "warm" was not warm`)

console.log('')
console.log('JavaScript per route, gzipped (level 9)')
console.log(`  card route from the build's manifest (the size check's figure): ${kb(cardRoute.js)} in ${cardRoute.rows.filter((r) => r.file.endsWith('.js')).length} files` + (bootInline ? `, plus ${kb(bootInline)} inline in index.html` : ''))
console.log('  opened afresh in the browser (no cache, no worker), until no script was requested for 2.5 s:')
console.log(`  ${'route'.padEnd(22)} ${'opened'.padEnd(11)} ${'ended on'.padEnd(14)} ${'JS gz'.padStart(9)} ${'files'.padStart(5)}  largest`)
for (const r of routes) {
  const largest = r.files.slice(0, 3).map((f) => `${f.name} ${kb(f.gzip)}`).join(', ')
  console.log(`  ${r.label.padEnd(22)} ${r.path.padEnd(11)} ${r.finalPath.padEnd(14)} ${kb(r.js).padStart(9)} ${String(r.files.length).padStart(5)}  ${r.inline ? `inline ${kb(r.inline)}; ` : ''}${largest}`)
  if (r.beforeShown !== null) console.log(`  ${''.padEnd(22)} ${''.padEnd(11)} ${'before the QR'.padEnd(14)} ${kb(r.beforeShown).padStart(9)}  (inline scripts and the script responses that had arrived when the QR became visible)`)
}

console.log('')
console.log("Firestore reads of a returning member's open (Dana, a fresh load of /, counted for 5 s after the QR)")
if (reads) {
  const paths = Object.entries(reads.byPath).map(([path, n]) => (n > 1 ? `${path} ×${n}` : path))
  console.log(`  ${billedReads(reads)} billed: ${reads.documents} documents sent, ${reads.emptyQueries} empty answers`)
  if (paths.length) console.log(`  documents: ${paths.join(', ')}`)
} else console.log('  not measured')

console.log('')
console.log('Lighthouse 12.2.3, mobile defaults (simulated throttling), Debian Chromium')
for (const { label, state, figures } of lighthouseResults) {
  if (!figures) {
    console.log(`  ${label.padEnd(8)} not measured`)
    continue
  }
  const s = figures.scores
  console.log(
    `  ${label.padEnd(8)} performance ${s.performance} · accessibility ${s.accessibility} · best practices ${s['best-practices']} · SEO ${s.seo}` +
      ` · LCP ${(figures.lcp / 1000).toFixed(1)} s · TBT ${ms(figures.tbt)} · CLS ${figures.cls.toFixed(3)}`,
  )
  console.log(`           state: ${state}; ended on ${figures.finalUrl}${figures.seen ? ` (${figures.seen.card ? 'card QR on screen' : `no card QR on screen; heading "${figures.seen.heading}"`})` : ' (screen not read)'}`)
  if (label === 'card' && !figures.seen?.card) console.log('  ! the card run did not end on the card (no QR on screen): its scores are not the card\'s')
  for (const warning of figures.warnings) console.log(`           Lighthouse: ${typeof warning === 'string' ? warning : JSON.stringify(warning)}`)
}

const landingBytes = routes.find((r) => r.label.startsWith('landing'))
const lh = Object.fromEntries(lighthouseResults.map((r) => [r.label, r.figures]))
/** label, figure, goal, met (null: not measured). */
const summary: [string, string, string, boolean | null][] = [
  ['cold ÷ floor', `×${ratios.cold.toFixed(2)}`, `≤ ×${GOALS.cold}`, ratios.cold <= GOALS.cold],
  ['warm ÷ floor', `×${ratios.warm.toFixed(2)}`, `≤ ×${GOALS.warm}`, ratios.warm <= GOALS.warm],
  ['offline ÷ floor', `×${ratios.offline.toFixed(2)}`, `≤ ×${GOALS.offline}`, ratios.offline <= GOALS.offline],
  ['card route JS (manifest)', kb(cardRoute.js), `≤ ${GOALS.cardJsKb} KB`, cardRoute.js <= GOALS.cardJsKb * 1024],
  ['landing JS (browser)', landingBytes ? kb(landingBytes.js) : 'n/a', `≤ ${GOALS.landingJsKb} KB`, landingBytes ? landingBytes.js <= GOALS.landingJsKb * 1024 : null],
  ['reads per open', reads ? String(billedReads(reads)) : 'n/a', `≤ ${GOALS.reads}`, reads ? billedReads(reads) <= GOALS.reads : null],
]
for (const page of ['landing', 'card'] as const) {
  for (const [category, goal] of Object.entries(LIGHTHOUSE_GOALS[page])) {
    const score = lh[page]?.scores[category]
    summary.push([`Lighthouse ${page} ${category}`, score === undefined ? 'n/a' : String(score), `≥ ${goal}`, score === undefined ? null : score >= goal])
  }
}
console.log('')
console.log('Summary against the goals of issue 16')
for (const [label, figure, goal, met] of summary) console.log(`  ${met === null ? '?' : met ? '✓' : '✗'} ${label.padEnd(34)} ${figure.padStart(9)}   goal ${goal}`)
console.log(`  (${summary.filter(([, , , met]) => met).length} of ${summary.length} goals met; bench took ${((performance.now() - started) / 60_000).toFixed(1)} min)`)
for (const problem of problems) console.error(`✗ ${problem}`)
process.exit(problems.length ? 1 : 0)
