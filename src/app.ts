import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { currentLocale, loadMessages } from './i18n'
import { router } from './router'
import { loadFirebaseAfter } from './services/firebase'
import './styles/main.css'

/** Resolves after the browser has painted the frame following the current one. */
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
/** Runs when the main thread is idle (at the latest after `timeout` ms). */
const whenIdle = (run: () => void, timeout: number) =>
  window.requestIdleCallback ? window.requestIdleCallback(run, { timeout }) : window.setTimeout(run, Math.min(timeout, 200))

// On a card the boot script painted, Firebase (600 KB of SDK to compile) waits until the app's
// own card is on screen and the phone is idle: the card needs nothing from it, and the member is
// looking at it.
// Should the first screen never come (an error), the SDK still comes a few seconds later.
let mounted: () => void = () => {}
if (document.documentElement.dataset.boot === 'card') {
  loadFirebaseAfter(new Promise<void>((resolve) => ((mounted = resolve), setTimeout(resolve, 4000))))
}

const app = createApp(App)
app.use(createPinia())
app.use(router)
// The first screen's messages and its route (guards, lazy view) load side by side, and the app
// replaces what the boot script painted only once it can show a whole screen in its place.
await Promise.all([loadMessages(currentLocale()), router.isReady()])
app.mount('#app')
void nextPaint().then(() => whenIdle(mounted, 2000))

// The service worker's precaching (a megabyte) must not compete with the first screen: it is
// registered when the browser is idle, a few seconds after.
setTimeout(() => whenIdle(() => void import('./pwa/register').then((pwa) => pwa.registerServiceWorker()), 2000), 3000)
