import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// The backend to proxy to in `npm run dev` (the packaged app serves the built files itself).
const backend = globalThis.process?.env.BACKEND ?? 'http://127.0.0.1:8081'

export default defineConfig({
  plugins: [vue()],
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
          if (id.includes('node_modules/element-plus')) return 'element'
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
  },
})
