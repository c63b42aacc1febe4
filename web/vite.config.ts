import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The backend to proxy to in `npm run dev` (the packaged app serves the built files itself).
const backend = globalThis.process?.env.BACKEND ?? 'http://127.0.0.1:8081'

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus per component: each <el-*> tag a page uses imports that component and its CSS, so a page carries
    // only the components it shows (the whole library is 1 MB of JS). No .d.ts is written (vue-tsc reads the
    // components' own types through the explicit imports in the tests).
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false, dirs: [] }),
  ],
  build: {
    outDir: 'dist',
    // The backend's Content-Security-Policy allows no data: fonts or scripts: emit every asset as a file.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          if (id.includes('node_modules/bpmn-js') || id.includes('node_modules/diagram-js')) return 'bpmn'
          if (id.includes('node_modules/@bpmn-io/form-js') || id.includes('node_modules/feelin')) return 'formjs'
          return undefined
        },
      },
    },
  },
  server: {
    proxy: Object.fromEntries(['/api', '/login', '/logout'].map((p) => [p, { target: backend }])),
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'jsdom',
    // The per-component style imports (element-plus/es/components/*/style/css) reach CSS files: Vite, not Node, loads them.
    server: { deps: { inline: ['element-plus'] } },
  },
})
