import type { ChannelName } from '../api/types';

/** The in-app channel (the message centre) is always on: not a choice (PLT-4). */
export const ALWAYS_ON_CHANNEL: ChannelName = 'in-app';

/** The channels a person may choose among: the school's configured ones, in-app excluded. */
export function choosableChannels(available: readonly ChannelName[]): ChannelName[] {
  return available.filter((channel) => channel !== ALWAYS_ON_CHANNEL);
}

/**
 * The channel list to store. Only configured channels are shown as checkboxes; a channel the
 * person chose earlier that is switched off for now stays chosen, so that it comes back on its own
 * once the school configures it again.
 */
export function channelsToSave(
  checked: readonly ChannelName[],
  previous: readonly ChannelName[],
  available: readonly ChannelName[],
): ChannelName[] {
  const shown = new Set(choosableChannels(available));
  const kept = previous.filter((channel) => channel !== ALWAYS_ON_CHANNEL && !shown.has(channel));
  return [ALWAYS_ON_CHANNEL, ...new Set([...checked.filter((channel) => shown.has(channel)), ...kept])];
}
