import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { currentLocale, i18n, loadMessages } from './i18n'
import { registerServiceWorker } from './pwa/register'
import { router } from './router'
import './styles/main.css'

await loadMessages(currentLocale())
const app = createApp(App)
app.use(createPinia())
app.use(i18n)
app.use(router)
app.mount('#app')
// After the first screen: the worker's precaching must not compete with the card.
void router.isReady().then(registerServiceWorker)
