import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// One app, three entry routes (/ console, /screen big-screen, /m driver app), code-split per route.
// Built into target/classes/static so the pylon-console jar carries it and pylon-server serves it.
export default defineConfig({
  plugins: [vue()],
  base: '/',
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // libraries shared by many routes get chunks of their own, so a route loads only what it uses
        codeSplitting: {
          groups: [
            { name: 'element-plus', test: /node_modules[\\/](element-plus|@element-plus|@vueuse|@floating-ui|async-validator|lodash|dayjs)/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
            { name: 'leaflet', test: /node_modules[\\/]leaflet/ },
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // npm run dev: the app with hot reload, the API of a platform on PYLON_API (default port 8080)
    proxy: Object.fromEntries(['/api', '/v3', '/console-settings.json'].map((p) => [p, process.env.PYLON_API ?? 'http://127.0.0.1:8080'])),
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
});
