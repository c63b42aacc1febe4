import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import en from 'element-plus/es/locale/lang/en'
import App from './App.vue'
import { router } from './router'
import { i18n, currentLanguage } from './i18n'
import './styles.css'

document.documentElement.lang = currentLanguage()
createApp(App)
  .use(ElementPlus, { locale: currentLanguage() === 'en' ? en : zhCn })
  .use(i18n)
  .use(router)
  .mount('#app')
