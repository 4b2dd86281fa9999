import { createApp } from 'vue';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import 'leaflet/dist/leaflet.css';
import './style.css';
import App from './App.vue';
import { router } from './router';
import { i18n } from './i18n';
import { whenUnauthorized } from './api/client';

whenUnauthorized((audience) => {
  const here = router.currentRoute.value.fullPath;
  void router.push(audience === 'driver' ? { path: '/m/login', query: { redirect: here } } : { path: '/login', query: { redirect: here } });
});

createApp(App).use(router).use(i18n).use(ElementPlus).mount('#app');
