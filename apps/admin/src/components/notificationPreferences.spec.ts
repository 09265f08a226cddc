import { describe, expect, it } from 'vitest';
import { channelsToSave, choosableChannels } from './notificationPreferences';

describe('my notification preferences', () => {
  it('PLT-4 offers only configured channels, in-app not among them (it is always on)', () => {
    expect(choosableChannels(['in-app', 'email', 'wechat-mp'])).toEqual(['email', 'wechat-mp']);
    expect(choosableChannels(['in-app'])).toEqual([]);
  });

  it('PLT-4 always saves in-app, with the channels ticked', () => {
    expect(channelsToSave(['email'], ['in-app'], ['in-app', 'email', 'sms'])).toEqual(['in-app', 'email']);
    expect(channelsToSave([], ['in-app', 'email'], ['in-app', 'email'])).toEqual(['in-app']);
  });

  it('PLT-4 keeps a chosen channel that the school has switched off for now', () => {
    expect(channelsToSave(['email'], ['in-app', 'email', 'sms'], ['in-app', 'email'])).toEqual(['in-app', 'email', 'sms']);
  });
});
