import { readFile } from 'node:fs/promises'
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { rolldown } from 'rolldown'
import { defineConfig, loadEnv, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { FUNCTIONS_REGION } from './src/domain/shared/platform.ts'

const CARD_SHARED =
  /\/src\/(stores\/(club|member|session)|composables\/use-(format|club-today|error-message)|domain\/(cards|shared\/(locale|time-step|calendar|errors|platform|crypto)|referrals\/referral-code|points\/tiers)|boot\/state|i18n\/(index|bidi|plural|runtime|translate)|components\/base\/Base(Button|Alert))\b/

const SRC = fileURLToPath(new URL('./src', import.meta.url))

/**
 * The boot scripts (src/boot/), bundled on their own and inlined into index.html with the card's
 * critical CSS: the first frame shows the member's card (or the visitors' landing page) before
 * any module of the app has even been fetched. `<!-- boot:head -->` decides what the page shows;
 * `<!-- boot:paint -->`, right after `#app`, paints the card; `<!-- boot:landing -->`, after the
 * landing page's markup, fills that page in.
 */
function bootScripts(): Plugin {
  async function bundle(entry: string): Promise<string> {
    const build = await rolldown({ input: `${SRC}/boot/${entry}`, resolve: { alias: { '@': SRC } }, platform: 'browser', logLevel: 'warn' })
    try {
      const { output } = await build.generate({ format: 'iife', minify: true })
      // Nothing in the code may close the inline <script> early.
      return output[0].code.replaceAll('</script', '<\\/script').trim()
    } finally {
      await build.close()
    }
  }
  return {
    name: 'moadon-boot',
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        const [head, paint, welcome, css] = await Promise.all([bundle('head.ts'), bundle('paint.ts'), bundle('welcome.ts'), readFile(`${SRC}/boot/card.css`, 'utf8')])
        const minifiedCss = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{}:;,])\s*/g, '$1').trim()
        return html
          .replace('<!-- boot:head -->', () => `<style>${minifiedCss}</style><script>${head}</script>`)
          .replace('<!-- boot:paint -->', () => `<script>${paint}</script>`)
          .replace('<!-- boot:landing -->', () => `<script>${welcome}</script>`)
      },
    },
  }
}

// `--mode emulator` (npm start, the tests) talks to the local emulators; any other mode needs the
// real project's web config in VITE_FIREBASE_* (see README, "Deploy").
export default defineConfig(({ mode, command }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_')
  if (command === 'build' && env.VITE_USE_EMULATORS !== 'true' && !env.VITE_FIREBASE_API_KEY) {
    throw new Error(
      'VITE_FIREBASE_API_KEY is not set. Put the web config in .env.production.local, ' +
        'or build with --mode emulator for the local emulators.',
    )
  }
  // Paths served by a function, as the Hosting rewrites do in production (firebase.json): the
  // browser's Host is kept so the pages' links and preview tags name this origin.
  const toFunction = (name: string) => ({
    target: `http://127.0.0.1:5001`,
    rewrite: (path: string) => `/${env.VITE_FIREBASE_PROJECT_ID ?? 'demo-moadon'}/${FUNCTIONS_REGION}/${name}${path}`,
    changeOrigin: false,
  })
  const functionPaths = {
    // /r/<code>: an invitation's landing page.
    '/r/': toFunction('referralLanding'),
    // /p/<id>: members' photos.
    '/p/': toFunction('photo'),
    // /b/<code>/<badge>: a shared badge's page.
    '/b/': toFunction('badgeLanding'),
    // /s/<post>: a shared post's page.
    '/s/': toFunction('postLanding'),
    // /club/landing.json: the club's public data for the visitors' landing page.
    '/club/landing.json': toFunction('clubLanding'),
  }
  return {
    plugins: [
      bootScripts(),
      vue(),
      VitePWA({
        // Our own worker (src/sw.ts), registered by the app through workbox-window; off in dev.
        strategies: 'injectManifest',
        srcDir: 'src',
        filename: 'sw.ts',
        injectRegister: false,
        registerType: 'prompt',
        devOptions: { enabled: false },
        injectManifest: {
          globPatterns: ['**/*.{js,css,html,svg,png,webp,woff2}'],
          // The QR decoder's wasm is for staff screens: cached when first used, not for everyone.
          globIgnores: ['**/*.wasm', 'brand/og-referral.png', 'badges/og/**', 'screenshots/**'],
          maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
        },
        manifest: {
          id: '/',
          name: 'מועדון — כרטיס המועדון שלך',
          short_name: 'מועדון',
          description: 'כרטיס המועדון בטלפון: הנקודות, ההטבות והקופונים שלך, גם בלי חיבור.',
          lang: 'he',
          dir: 'rtl',
          start_url: '/',
          scope: '/',
          display: 'standalone',
          orientation: 'portrait',
          theme_color: '#0f5c4d',
          background_color: '#f4f6f5',
          categories: ['shopping', 'lifestyle'],
          icons: [
            { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
            { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
            { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
          screenshots: [
            { src: '/screenshots/card-narrow.png', sizes: '1082x2202', type: 'image/png', form_factor: 'narrow', label: 'כרטיס המועדון עם קוד QR, מספר חבר ויתרת נקודות' },
            { src: '/screenshots/card-wide.png', sizes: '1280x800', type: 'image/png', form_factor: 'wide', label: 'כרטיס המועדון במסך רחב' },
          ],
        },
      }),
    ],
    resolve: {
      alias: { '@': SRC },
    },
    define: {
      __VUE_PROD_DEVTOOLS__: false,
      // Every component uses <script setup>: Vue's Options API can stay out of the bundle.
      __VUE_OPTIONS_API__: false,
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
    },
    server: { port: 5173, strictPort: true, proxy: functionPaths },
    preview: { port: 4173, strictPort: true, proxy: functionPaths },
    // The manifest lets scripts/size-report.mjs follow what the card route loads.
    build: {
      target: 'es2022',
      sourcemap: true,
      manifest: true,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              {
                // Vue in one file: left to itself, the bundler splits its reactivity from its
                // runtime whenever a lazy screen imports one without the other, and the card then
                // pays for two files instead of one.
                name: 'vue',
                test: /\/node_modules\/@vue\/(shared|reactivity|runtime-core|runtime-dom)\//,
              },
              {
                // The card route's small shared modules (stores, formatting, domain helpers, the
                // message loader) in one chunk rather than twenty: each lazy screen that also uses
                // one of them (the console, the till) would otherwise split it into a file of its
                // own, and every file costs the card a request and its own compression.
                name: 'card-shared',
                test: CARD_SHARED,
                includeDependenciesRecursively: false,
              },
            ],
          },
        },
      },
    },
  }
})
