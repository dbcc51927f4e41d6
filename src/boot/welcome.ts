// Inlined in index.html's body after the landing page's markup (vite.config.ts, `bootScripts`):
// brings the visitors' landing page to life — the club's tiers and stores, an invitation — when
// the page is the landing page. A script of its own, so the card's first frame never waits for it.
import { startLanding } from './landing'

if (window.__moadonBoot?.mode === 'landing') startLanding()
