import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router';
import { PERMISSIONS, type Permission } from '@xiaoban/shared';
import type { useSessionStore } from '../stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without signing in. */
    public?: boolean;
    /** Permission the page needs; the guard refuses it to people without (ARCHITECTURE.md). */
    permission?: Permission;
    /** vue-i18n key of the page title. */
    titleKey?: string;
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('../views/LoginView.vue'),
    meta: { public: true, titleKey: 'login.title' },
  },
  {
    path: '/',
    component: () => import('../layouts/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('../views/HomeView.vue'), meta: { titleKey: 'app.subtitle' } },
      {
        path: 'system/users',
        name: 'users',
        component: () => import('../views/system/users/UserListView.vue'),
        meta: { permission: PERMISSIONS.ORG_READ, titleKey: 'menu.users' },
      },
      {
        path: 'system/departments',
        name: 'departments',
        component: () => import('../views/system/departments/DepartmentListView.vue'),
        meta: { permission: PERMISSIONS.ORG_READ, titleKey: 'menu.departments' },
      },
      {
        path: 'system/roles',
        name: 'roles',
        component: () => import('../views/system/roles/RoleListView.vue'),
        meta: { permission: PERMISSIONS.ORG_READ, titleKey: 'menu.roles' },
      },
      {
        path: 'system/audit',
        name: 'audit',
        component: () => import('../views/system/audit/AuditLogView.vue'),
        meta: { permission: PERMISSIONS.AUDIT_READ, titleKey: 'menu.audit' },
      },
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('../views/ForbiddenView.vue'),
        meta: { titleKey: 'pages.forbiddenTitle' },
      },
      {
        path: ':unknown(.*)*',
        name: 'not-found',
        component: () => import('../views/NotFoundView.vue'),
        meta: { titleKey: 'pages.notFoundTitle' },
      },
    ],
  },
];

/**
 * Where to go after signing in: the page the person was sent away from, if it is one of ours.
 * Only same-origin paths are accepted, so a crafted link cannot forward a fresh session elsewhere.
 */
export function safeRedirect(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return '/';
  return value;
}

type SessionStore = ReturnType<typeof useSessionStore>;

/** Sends signed-out people to /login and refuses pages the person lacks the permission for. */
export function installGuards(router: Router, session: SessionStore): void {
  router.beforeEach(async (to) => {
    if (to.meta.public) return true;
    if (!session.isSignedIn) return { name: 'login', query: { redirect: to.fullPath } };
    // A failed look-up (rejected token, or no answer at all) ends at the sign-in page rather than
    // on a blank screen.
    if (!session.me && !(await session.loadMe().catch(() => false))) {
      session.clear();
      return { name: 'login', query: { redirect: to.fullPath } };
    }
    if (to.meta.permission && !session.can(to.meta.permission)) return { name: 'forbidden' };
    return true;
  });
}

export function createAppRouter(): Router {
  return createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes });
}
