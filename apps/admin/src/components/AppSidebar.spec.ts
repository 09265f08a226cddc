import { beforeEach, describe, expect, it } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { defineComponent } from 'vue';
import { ALL_PERMISSIONS, MENU, PERMISSIONS } from '@xiaoban/shared';
import AppSidebar from './AppSidebar.vue';
import { i18n, setLocale } from '../i18n';
import { useSessionStore } from '../stores/session';
import type { Me } from '../api/types';

const Page = defineComponent({ template: '<div />' });

/** The pages every signed-in person has: the workbench and the documents routed to them. */
const WORKBENCH = [
  '/inbox',
  '/approvals',
  '/messages',
  '/assessment/escalations',
  '/assessment/support',
  '/documents/incoming',
  '/documents/outgoing',
];
/** Everyone's assessment pages: their evaluation forms, report, visible results, innovation suggestions (ASM-2, ASM-7). */
const ASSESSMENT = [
  '/assessment/evaluations/forms',
  '/assessment/evaluations/reports',
  '/assessment/evaluations/results',
  '/assessment/innovation',
];

function personWith(permissions: string[]): Me {
  return {
    id: 1,
    username: 'wanglaoshi',
    name: '王老师',
    department: null,
    roles: [],
    permissions,
    clearance: 'none',
  } as unknown as Me;
}

async function renderSidebarFor(permissions: string[]) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().me = personWith(permissions);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)*', component: Page }],
  });
  await router.push('/');
  const wrapper = mount(AppSidebar, { global: { plugins: [pinia, i18n, router] } });
  await flushPromises();
  return wrapper;
}

function menuPaths(wrapper: Awaited<ReturnType<typeof renderSidebarFor>>): string[] {
  return wrapper.findAll('[data-testid^="menu-item-"]').map((item) => item.attributes('data-testid')!.slice('menu-item-'.length));
}

describe('sidebar', () => {
  beforeEach(() => setLocale('zh-CN'));

  it('PLT-1 shows an organisation reader the organisation pages but not the audit log', async () => {
    const wrapper = await renderSidebarFor([PERMISSIONS.ORG_READ]);
    // The liaison directory (ADM-1) is read by those who read the organisation.
    expect(menuPaths(wrapper)).toEqual([
      ...WORKBENCH,
      '/administration/liaison',
      ...ASSESSMENT,
      '/system/users',
      '/system/departments',
      '/system/roles',
    ]);
    expect(wrapper.text()).toContain('系统管理');
    expect(wrapper.text()).not.toContain('操作日志');
  });

  it('PLT-1 shows an auditor only the audit log', async () => {
    const wrapper = await renderSidebarFor([PERMISSIONS.AUDIT_READ]);
    expect(menuPaths(wrapper)).toEqual([...WORKBENCH, ...ASSESSMENT, '/system/audit']);
  });

  it('PLT-1 shows every page to someone holding every permission', async () => {
    const wrapper = await renderSidebarFor([...ALL_PERMISSIONS]);
    expect(menuPaths(wrapper)).toEqual(MENU.flatMap((module) => module.items.map((item) => item.path)));
  });

  it('PLT-1 drops a module whose pages are all withheld', async () => {
    const wrapper = await renderSidebarFor([]);
    expect(wrapper.find('[data-testid="menu-module-system"]').exists()).toBe(false);
    expect(menuPaths(wrapper)).toEqual([...WORKBENCH, ...ASSESSMENT]);
  });

  it('PLT-3 shows the workbench (inbox, approvals, messages) to everyone signed in, without any permission', async () => {
    const wrapper = await renderSidebarFor([]);
    expect(wrapper.find('[data-testid="menu-module-workbench"]').exists()).toBe(true);
    expect(wrapper.text()).toContain('工作台');
    expect(wrapper.text()).toContain('我的待办');
  });

  it('PLT-2 PLT-4 shows the chain editor and the delivery log only with their permissions', async () => {
    const wrapper = await renderSidebarFor([PERMISSIONS.APPROVAL_CHAINS_MANAGE, PERMISSIONS.NOTIFICATIONS_READ]);
    expect(menuPaths(wrapper)).toEqual([...WORKBENCH, ...ASSESSMENT, '/system/approval-chains', '/system/notifications']);
  });

  it('PLT-10 labels the menu in the chosen language', async () => {
    setLocale('en');
    const wrapper = await renderSidebarFor([PERMISSIONS.ORG_READ]);
    expect(wrapper.text()).toContain('System');
    expect(wrapper.text()).toContain('Accounts');
  });
});
