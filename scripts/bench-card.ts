// `npm run bench:card`: how fast the wallet card's QR appears, in Chromium with 4× CPU throttling,
// on the production build: cold (a returning member, nothing cached by the browser yet) and warm
// (the service worker installed), online and offline; beside it the floor, a static page with
// only an inline QR image. Median of 10 each. Prints figures, asserts nothing.
import { spawn } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import QRCode from 'qrcode'
import { emulatorAdmin } from './lib/emulator-admin'
import { seedDemoClub } from './seed-club'

const ROOT = join(import.meta.dirname, '..')
const BASE = 'http://localhost:4173'
const RUNS = 10
const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

async function run(command: string, args: string[]) {
  await new Promise<void>((resolve, reject) =>
    spawn(command, args, { cwd: ROOT, stdio: 'inherit' }).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed`)))),
  )
}

async function throttled(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  return page
}

async function timeTo(page: Page, url: string, selector: string): Promise<number> {
  const started = performance.now()
  await page.goto(url, { waitUntil: 'commit' })
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 60_000 })
  return performance.now() - started
}

const QR = 'canvas[data-qr-value^="V1."]'

await run('npx', ['vite', 'build', '--mode', 'emulator', '--logLevel', 'warn'])
// The floor: the smallest page that shows a QR code.
const floorQr = await QRCode.toDataURL('V1.12345674.59000000.ABCDEFGHIJ', { errorCorrectionLevel: 'M', margin: 2, width: 232 })
writeFileSync(join(ROOT, 'dist', 'bench-floor.html'), `<!doctype html><meta charset="utf-8"><title>floor</title><img id="qr" src="${floorQr}" width="232" height="232" alt="QR">`)

const { db, auth } = emulatorAdmin()
await seedDemoClub(db, auth)
const preview = spawn('npx', ['vite', 'preview', '--port', '4173', '--strictPort'], { cwd: ROOT, stdio: 'ignore', detached: true })
await new Promise((resolve) => setTimeout(resolve, 3000))

const browser: Browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
})

try {
  // A returning member: signed in once, so the session and the card are on the device.
  const setup = await browser.newContext({ viewport: { width: 412, height: 915 } })
  const first = await setup.newPage()
  await first.goto(`${BASE}/sign-in`)
  await first.locator('input[type=email]').fill('dana@moadon.test')
  await first.locator('input[type=password]').fill('moadon-demo')
  await first.locator('button[type=submit]').click()
  await first.locator(QR).first().waitFor()
  const state = await setup.storageState({ indexedDB: true })
  await setup.close()

  const cold: number[] = []
  const warm: number[] = []
  const offline: number[] = []
  const floorCold: number[] = []
  const floorWarm: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ storageState: state, viewport: { width: 412, height: 915 } })
    const page = await throttled(context)
    cold.push(await timeTo(page, `${BASE}/`, QR))
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    warm.push(await timeTo(page, `${BASE}/`, QR))
    await context.setOffline(true)
    offline.push(await timeTo(page, `${BASE}/`, QR))
    await context.close()

    const floorContext = await browser.newContext()
    const floorPage = await throttled(floorContext)
    floorCold.push(await timeTo(floorPage, `${BASE}/bench-floor.html`, '#qr'))
    floorWarm.push(await timeTo(floorPage, `${BASE}/bench-floor.html`, '#qr'))
    await floorContext.close()
  }
  const row = (label: string, values: number[], floor: number) =>
    console.log(`  ${label.padEnd(34)} median ${median(values).toFixed(0).padStart(5)} ms   ×${(median(values) / floor).toFixed(1)} the floor`)
  console.log(`bench:card — Chromium, 4× CPU throttling, median of ${RUNS}; figures, not assertions`)
  console.log(`  floor (static page, inline QR)     cold ${median(floorCold).toFixed(0)} ms, warm ${median(floorWarm).toFixed(0)} ms`)
  row('card, cold (no worker yet), online', cold, median(floorCold))
  row('card, warm (worker installed), online', warm, median(floorWarm))
  row('card, warm, offline', offline, median(floorWarm))
} finally {
  await browser.close()
  process.kill(-preview.pid!)
}
process.exit(0)
