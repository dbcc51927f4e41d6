import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig, loadEnv } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { FUNCTIONS_REGION } from './src/domain/shared/platform.ts'

const CARD_SHARED =
  /\/src\/(stores\/(club|member|coupons|session)|composables\/use-(format|club-today|error-message)|domain\/(cards|shared\/(locale|time-step|calendar|errors|platform|crypto)|referrals\/referral-code)|i18n\/(index|bidi|plural)|components\/base\/Base(Button|Alert))\b/

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
  }
  return {
    plugins: [
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
      alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
    },
    define: {
      // vue-i18n: no legacy API, no devtools in production; messages compile without eval.
      __VUE_I18N_LEGACY_API__: false,
      __VUE_I18N_FULL_INSTALL__: false,
      __INTLIFY_PROD_DEVTOOLS__: false,
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
