import type { ChannelName } from './channel';

/** What a provider said when it refused a message, kept apart from the text for whoever needs to branch on it. */
export interface ProviderAnswer {
  httpStatus?: number;
  /** The provider's own code: a WeChat/DingTalk `errcode`, an Aliyun `Code`, an SMTP reply code. */
  providerCode?: string | number;
  providerMessage?: string;
}

/**
 * A send that did not go through. The message names the channel, the HTTP status and the
 * provider's code and text, because it is kept as the delivery's last error; it never carries a
 * URL, since webhook URLs and token requests hold keys.
 */
export class ChannelSendError extends Error {
  constructor(
    readonly channel: ChannelName,
    message: string,
    readonly answer: ProviderAnswer = {},
    options?: { cause?: unknown },
  ) {
    super(`${channel}: ${message}`, options);
    this.name = 'ChannelSendError';
  }
}
