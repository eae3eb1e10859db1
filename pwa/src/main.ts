import type { UserModule } from './types'
import { createApp } from 'vue'
import App from './App.vue'
import './styles/main.css'
import './styles/questionnaire.css'
import './styles/offline.css'

const app = createApp(App)
const modules = import.meta.glob<UserModule>('./modules/*.ts', { eager: true, import: 'install' })
// Not a top-level await: that would keep the bundler from merging the first chunk's shared modules into it.
void Promise.all(Object.values(modules).map(install => install(app))).then(() => app.mount('#app'))
