import { describe, expect, it } from 'vitest';
import type { ChannelSettings } from '../../../api/types';
import { DELIVERY_STATUSES, SECRET_MASK, channelChanges, channelToForm, deliveryStatusTag, resendChannels } from './deliveryPresentation';

const EMAIL: Pick<ChannelSettings, 'enabled' | 'values'> = {
  enabled: true,
  values: { url: SECRET_MASK, from: 'office@school.test' },
};

describe('notification delivery log and channels', () => {
  it('PLT-4 tags each delivery status, failures and reads most visibly', () => {
    expect(DELIVERY_STATUSES.map((status) => [status, deliveryStatusTag(status).type])).toEqual([
      ['queued', 'info'],
      ['sent', 'primary'],
      ['delivered', 'success'],
      ['read', 'success'],
      ['failed', 'danger'],
    ]);
    expect(deliveryStatusTag('failed').effect).toBe('dark');
    expect(deliveryStatusTag('read').effect).toBe('dark');
  });

  it('PLT-4 offers a resend on its own channel and on the other configured channels', () => {
    expect(resendChannels({ channel: 'sms' }, ['in-app', 'email'])).toEqual(['in-app', 'email', 'sms']);
    expect(resendChannels({ channel: 'email' }, ['in-app', 'email'])).toEqual(['in-app', 'email']);
  });

  it('PLT-4 sends nothing for a channel left as it was, masked secret included', () => {
    expect(channelChanges(EMAIL, channelToForm(EMAIL))).toEqual({});
  });

  it('PLT-4 keeps a masked secret unless it is replaced or cleared', () => {
    const form = channelToForm(EMAIL);
    form.values.from = 'bangongshi@school.test';
    expect(channelChanges(EMAIL, form)).toEqual({ values: { from: 'bangongshi@school.test' } });

    form.values.url = 'smtp://mail.school.test:25';
    expect(channelChanges(EMAIL, form).values).toEqual({ from: 'bangongshi@school.test', url: 'smtp://mail.school.test:25' });

    const cleared = channelToForm(EMAIL);
    cleared.values.url = '';
    expect(channelChanges(EMAIL, cleared)).toEqual({ values: { url: '' } });
  });

  it('PLT-4 sends the switch alone when only the channel is switched off', () => {
    const form = channelToForm(EMAIL);
    form.enabled = false;
    expect(channelChanges(EMAIL, form)).toEqual({ enabled: false });
  });

  it('PLT-4 fills an unset setting with an empty field, and sends it only once typed', () => {
    const unset = { enabled: true, values: { webhookUrl: null } };
    const form = channelToForm(unset);
    expect(form.values).toEqual({ webhookUrl: '' });
    expect(channelChanges(unset, form)).toEqual({});
    form.values.webhookUrl = ' https://robot.test/send ';
    expect(channelChanges(unset, form)).toEqual({ values: { webhookUrl: 'https://robot.test/send' } });
  });
});
