import { describe, expect, it } from 'vitest';
import type { Webhook } from '../../../../api/platformTypes';
import { anyQueued, attemptSucceeded, canResend, eventTypeLabel, webhookChanges, webhookToForm } from './webhookPresentation';

const HOOK: Webhook = {
  id: '00000000-0000-4000-8000-000000000001',
  name: '家校通平台',
  url: 'https://jxt.school.example/hooks/xiaoban',
  eventTypes: ['webhook.test'],
  active: true,
  secretHint: 'whsec_…9f2c',
  createdAt: '2026-10-08T00:00:00Z',
  updatedAt: '2026-10-08T00:00:00Z',
  createdBy: null,
  version: 3,
};

describe('webhooks', () => {
  it('PLT-9 sends only what changed in an edit, with the version read', () => {
    expect(webhookChanges(HOOK, webhookToForm(HOOK))).toEqual({ version: 3 });
    expect(webhookChanges(HOOK, { ...webhookToForm(HOOK), url: ' https://new.example/hook ', active: false })).toEqual({
      version: 3,
      url: 'https://new.example/hook',
      active: false,
    });
    expect(webhookChanges(HOOK, { ...webhookToForm(HOOK), eventTypes: [] })).toEqual({ version: 3, eventTypes: [] });
  });

  it('PLT-9 starts a new subscription active with no events chosen', () => {
    expect(webhookToForm(null)).toEqual({ name: '', url: '', eventTypes: [], active: true });
  });

  it('PLT-9 resends finished deliveries only, and refreshes while any is queued', () => {
    expect(canResend({ status: 'failed' })).toBe(true);
    expect(canResend({ status: 'succeeded' })).toBe(true);
    expect(canResend({ status: 'queued' })).toBe(false);
    expect(anyQueued([{ status: 'failed' }, { status: 'queued' }])).toBe(true);
    expect(anyQueued([{ status: 'succeeded' }])).toBe(false);
  });

  it('PLT-9 counts an attempt as delivered on a 2xx answer only', () => {
    expect(attemptSucceeded({ statusCode: 204 })).toBe(true);
    expect(attemptSucceeded({ statusCode: 302 })).toBe(false);
    expect(attemptSucceeded({ statusCode: 500 })).toBe(false);
    expect(attemptSucceeded({ statusCode: null })).toBe(false);
  });

  it('PLT-9 labels event types from the shared catalogue', () => {
    expect(eventTypeLabel('webhook.test', 'zh-CN')).toBe('测试事件');
    expect(eventTypeLabel('webhook.test', 'en')).toBe('Test event');
    expect(eventTypeLabel('notice.published', 'en')).toBe('notice.published');
  });
});
