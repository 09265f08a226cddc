import type { SMTPSentMessageInfo, Transporter } from 'nodemailer';
import type { ChannelAdapter, OutgoingMessage, SendResult } from './channel';
import { ChannelSendError } from './channel-send-error';
import { DEFAULT_TIMEOUT_MS, isErrorLike } from './provider-http';

export interface EmailChannelConfig {
  /** `smtp://user:pass@host:port`, or `smtps://…` for implicit TLS. */
  url: string;
  /** The From header, e.g. `"校办" <office@school.edu.cn>`. */
  from: string;
  /** Connect, greeting and whole-send limit in ms; 10 s when unset. */
  timeoutMs?: number;
}

/** nodemailer costs about 13 MB of RSS once loaded (NFR-9): loaded by the first email sent. */
const loadNodemailer = () => import('nodemailer');

/** msg-id's left part (RFC 5322 dot-atom-text): what may stand before the `@`. */
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/** The Message-ID of a notification: the outbox key, so a receiver (or a mail log) can deduplicate retries. */
export function messageIdFor(outboxKey: string): string {
  if (!DOT_ATOM.test(outboxKey)) throw new Error(`Outbox key "${outboxKey}" cannot stand in a Message-ID`);
  return `<${outboxKey}@xiaoban>`;
}

/**
 * Email over SMTP (PLT-4). An SMTP server's 250 after DATA is a real acceptance, so a send that
 * returns is `delivered`. A retry after a lost answer sends the same Message-ID again, which is
 * what lets the receiving side drop the duplicate.
 */
export class EmailChannel implements ChannelAdapter {
  readonly name = 'email' as const;
  private transport: Transporter<SMTPSentMessageInfo> | undefined;

  constructor(private readonly config: EmailChannelConfig | null | undefined) {}

  isConfigured(): boolean {
    return Boolean(this.config?.url && this.config.from);
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const config = this.config;
    if (!config || !this.isConfigured()) throw new ChannelSendError(this.name, 'not configured');
    const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const messageId = messageIdFor(message.outboxKey);
    let info: SMTPSentMessageInfo;
    try {
      const transport = await this.transportFor(config, timeoutMs);
      info = await transport.sendMail({
        from: config.from,
        to: message.address,
        subject: message.title,
        text: message.link ? `${message.body}\n\n${message.link}` : message.body,
        messageId,
        headers: { 'X-Outbox-Key': message.outboxKey },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw smtpError(error, timeoutMs);
    }
    if (!info.accepted.some((address) => String(address).toLowerCase() === message.address.toLowerCase())) {
      throw new ChannelSendError(this.name, `recipient not accepted: ${info.response}`, { providerMessage: info.response });
    }
    return { status: 'delivered', providerMessageId: info.messageId || messageId };
  }

  private async transportFor(config: EmailChannelConfig, timeoutMs: number): Promise<Transporter<SMTPSentMessageInfo>> {
    const { createTransport } = await loadNodemailer();
    // Loaded before the check, so that concurrent first sends still share one transport.
    this.transport ??= createTransport({
      url: config.url,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
    return this.transport;
  }
}

/** nodemailer's errors carry the SMTP reply (`responseCode`, `response`); the password never appears in them. */
function smtpError(error: unknown, timeoutMs: number): ChannelSendError {
  if (!isErrorLike(error)) return new ChannelSendError('email', String(error));
  const smtp = error as Error & { code?: string; responseCode?: number; response?: string };
  if (smtp.code === 'EABORT' || smtp.name === 'AbortError' || smtp.name === 'TimeoutError') {
    return new ChannelSendError('email', `no answer within ${timeoutMs} ms`, {}, { cause: error });
  }
  const reply = smtp.responseCode ? `SMTP ${smtp.responseCode}: ${smtp.response ?? smtp.message}` : smtp.message;
  return new ChannelSendError(
    'email',
    smtp.code && !reply.includes(smtp.code) ? `${smtp.code} ${reply}` : reply,
    { providerCode: smtp.responseCode ?? smtp.code, providerMessage: smtp.response },
    { cause: error },
  );
}
