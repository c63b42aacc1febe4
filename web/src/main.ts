import { createApp } from 'vue'
// Element Plus is imported per component (unplugin-vue-components in vite.config.ts); only its language is set here,
// as app.use(ElementPlus) would, for every component and for ElMessageBox.
import { provideGlobalConfig } from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import en from 'element-plus/es/locale/lang/en'
import App from './App.vue'
import { router } from './router'
import { i18n, currentLanguage } from './i18n'
import './styles.css'

document.documentElement.lang = currentLanguage()
const app = createApp(App)
provideGlobalConfig({ locale: currentLanguage() === 'en' ? en : zhCn }, app, true)
app.use(i18n).use(router).mount('#app')
