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
  const tests = (report.testResults ?? []).flatMap((suite) => suite.assertionResults ?? [])
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    flaky: tests.filter((test) => test.status === 'passed' && test.failureMessages?.length > 0).length,
  }
}

/** The failed tests of a vitest JSON report, with the first line of each failure. */
function vitestFailures(file) {
  if (!existsSync(file)) return []
  const report = JSON.parse(readFileSync(file, 'utf8'))
  const failures = []
  for (const suite of report.testResults ?? []) {
    const where = suite.name.replace(`${ROOT}/`, '')
    const failed = (suite.assertionResults ?? []).filter((test) => test.status === 'failed')
    for (const test of failed) failures.push(`${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`)
    // A test that passed on its retry keeps the first try's failure.
    const flaky = (suite.assertionResults ?? []).filter((test) => test.status === 'passed' && test.failureMessages?.length > 0)
    for (const test of flaky) failures.push(`(flaky) ${where} › ${test.fullName}: ${firstLine(test.failureMessages[0])}`)
    // A file that failed outside its tests (an import, a hook) has no failed test to name.
    if (suite.status === 'failed' && failed.length === 0) failures.push(`${where}: ${firstLine(suite.message)}`)
  }
  return failures
}

/** The failed (and flaky) tests of Playwright's JSON report. */
function playwrightFailures(file) {
  if (!existsSync(file)) return []
  const failures = []
  const walk = (suite, titles) => {
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title])
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected' && test.status !== 'flaky') continue
        const error = test.results?.find((result) => result.error)?.error?.message
        failures.push(`${test.status === 'flaky' ? '(flaky) ' : ''}${[...titles, spec.title].filter(Boolean).join(' › ')}: ${firstLine(error)}`)
      }
    }
  }
  for (const suite of JSON.parse(readFileSync(file, 'utf8')).suites ?? []) walk(suite, [suite.title])
  return failures
}

function firstLine(text) {
  const plain = String(text ?? 'no message').replace(/\u001b\[[0-9;]*m/g, '')
  return plain.split('\n').find((line) => line.trim())?.trim().slice(0, 300) ?? 'no message'
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
const failures = [
  ...vitestFailures(join(REPORTS, 'unit.json')),
  ...vitestFailures(join(REPORTS, 'emulator.json')),
  ...playwrightFailures(join(REPORTS, 'e2e.json')),
]
if (failures.length > 0) {
  console.log('  what failed (or passed only on its retry):')
  for (const failure of failures) console.log(`    ✗ ${failure}`)
}
const ok = steps.every((s) => s.ok) && failed === 0 && skipped === 0
if (skipped > 0) console.log('  Skipped tests are not allowed: every test must run.')
console.log(`  npm test took ${((Date.now() - totalStart) / 1000).toFixed(0)} s`)
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(ok ? 0 : 1)
