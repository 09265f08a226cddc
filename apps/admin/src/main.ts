import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { i18n, currentLocale } from './i18n';
import { createAppRouter, installGuards } from './router';
import { useSessionStore } from './stores/session';
import { connectSession } from './api/client';
import { SESSION_STORAGE_KEY } from './api/tokenStorage';
import './styles.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(i18n);

const router = createAppRouter();
const session = useSessionStore();

connectSession({
  accessToken: () => session.tokens?.accessToken ?? null,
  refresh: () => session.refresh(),
  expired: () => {
    session.clear();
    const current = router.currentRoute.value;
    // Before the first page has resolved, the route guard is the one that redirects (it knows
    // the page being opened); afterwards, send the person from where they are.
    if (current.matched.length === 0 || current.meta.public) return;
    void router.replace({ name: 'login', query: { redirect: current.fullPath } });
  },
});
installGuards(router, session);

// Another tab renewed the session or signed out: follow it, so that this tab neither presents a
// refresh token already used there nor stays signed in after an explicit sign-out.
window.addEventListener('storage', (event) => {
  if (event.key !== SESSION_STORAGE_KEY && event.key !== null) return;
  session.adoptStoredTokens();
  const current = router.currentRoute.value;
  if (!session.isSignedIn && current.matched.length > 0 && !current.meta.public) {
    void router.replace({ name: 'login', query: { redirect: current.fullPath } });
  }
});
app.use(router);

document.documentElement.lang = currentLocale();
app.mount('#app');
