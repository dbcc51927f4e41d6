// Bundles the functions together with the shared club rules from ../src/domain, so the deployed
// lib/index.cjs carries the same code the app shows. firebase-admin and firebase-functions stay
// external: Cloud Functions installs them from this package.json.
//   node build.mjs           one build
//   node build.mjs --watch   rebuild on change (npm start; the Functions emulator reloads)
import { context } from 'esbuild'

const ctx = await context({
  entryPoints: ['src/index.ts'],
  outfile: 'lib/index.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  external: ['firebase-admin', 'firebase-functions'],
  logLevel: 'warning',
})

if (process.argv.includes('--watch')) {
  await ctx.watch()
  console.log('functions: watching src/ and ../src/domain for changes')
} else {
  const started = Date.now()
  await ctx.rebuild()
  await ctx.dispose()
  console.log(`functions built in ${Date.now() - started} ms → functions/lib/index.cjs`)
}
