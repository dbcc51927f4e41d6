// `npm test`: every layer, one exit code, totals at the end.
//   type-check → lint → unit → production build + size report → (emulators: functions and
//   rules tests, then Playwright in Chromium against the built app)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './lib/emulators.mjs'

const REPORTS = join(ROOT, '.cache', 'reports')
rmSync(REPORTS, { recursive: true, force: true })
mkdirSync(REPORTS, { recursive: true })
const bin = (name) => join(ROOT, 'node_modules', '.bin', name)
const steps = []
const totalStart = Date.now()

function step(name, command, args, env = {}) {
  console.log(`\n━━ ${name} ━━`)
  const started = Date.now()
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
  const entry = { name, ok: result.status === 0, seconds: (Date.now() - started) / 1000 }
  steps.push(entry)
  return entry
}

function vitestCounts(file) {
  if (!existsSync(file)) return null
  const report = JSON.parse(readFileSync(file, 'utf8'))
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  }
}

function playwrightCounts(file) {
  if (!existsSync(file)) return null
  const { stats } = JSON.parse(readFileSync(file, 'utf8'))
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped, flaky: stats.flaky }
}

const vitestJson = (name) => ['--reporter=default', '--reporter=json', `--outputFile=${join(REPORTS, `${name}.json`)}`]

step('type-check (vue-tsc)', bin('vue-tsc'), ['--build'])
step('lint (eslint)', bin('eslint'), ['.', '--max-warnings', '0'])
step('unit tests (vitest)', bin('vitest'), ['run', '--project', 'unit', ...vitestJson('unit')])
const build = step('production build (emulator config)', bin('vite'), ['build', '--mode', 'emulator', '--logLevel', 'warn'])
if (build.ok) step('size budget (card route ≤ 60 KB gzipped JS, inline boot ≤ 14 KB)', process.execPath, ['scripts/size-report.mjs', '--budget'])

// Both emulator layers share one emulator start; the second runs even when the first fails.
const emulatorSuites = [
  `${bin('vitest')} run --project emulator ${vitestJson('emulator').join(' ')}; a=$?`,
  build.ok ? `${bin('playwright')} test; b=$?` : 'b=1',
  'exit $((a || b))',
].join('; ')
step('emulator tests: rules, functions, end-to-end', process.execPath, ['scripts/with-emulators.mjs', emulatorSuites], {
  E2E_PREBUILT: '1',
})

const layers = [
  ['unit', vitestCounts(join(REPORTS, 'unit.json'))],
  ['rules + functions (emulators)', vitestCounts(join(REPORTS, 'emulator.json'))],
  ['end-to-end (Playwright, Chromium)', playwrightCounts(join(REPORTS, 'e2e.json'))],
]

console.log('\n━━ summary ━━')
for (const s of steps) console.log(`  ${s.ok ? '✓' : '✗'} ${s.name.padEnd(46)} ${s.seconds.toFixed(1).padStart(6)} s`)
let passed = 0
let failed = 0
let skipped = 0
for (const [name, counts] of layers) {
  if (!counts) {
    console.log(`  ✗ ${name}: no report (the layer did not run)`)
    failed += 1
    continue
  }
  passed += counts.passed
  failed += counts.failed
  skipped += counts.skipped
  const flaky = counts.flaky ? `, ${counts.flaky} flaky (passed on retry)` : ''
  console.log(`  ${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${flaky}`)
}
const ok = steps.every((s) => s.ok) && failed === 0 && skipped === 0
if (skipped > 0) console.log('  Skipped tests are not allowed: every test must run.')
console.log(`  npm test took ${((Date.now() - totalStart) / 1000).toFixed(0)} s`)
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(ok ? 0 : 1)
