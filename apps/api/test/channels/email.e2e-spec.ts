import { EmailChannel, messageIdFor } from '../../src/platform/notifications/channels/email.channel';
import { failureOf, notice, sendWithRetries } from './notices';
import { startSmtpServer, type ProviderServer, type EmailReceived } from './servers';

describe('EmailChannel (SMTP)', () => {
  let smtp: ProviderServer<EmailReceived>;

  beforeAll(async () => {
    smtp = await startSmtpServer({ user: 'xiaoban', pass: 'smtp-pass-2026' });
  });
  afterAll(() => smtp.close());

  it('PLT-4 email really delivered to a local smtp-server: Message-ID carries the outbox key, subject and Chinese body arrive as UTF-8', async () => {
    const channel = new EmailChannel({ url: smtp.url, from: '"某市第一中学校办" <office@school.example.cn>' });
    const message = notice('email', 'wangfang@school.example.cn');

    const result = await channel.send(message);

    expect(result).toEqual({ status: 'delivered', providerMessageId: `<${message.outboxKey}@xiaoban>` });
    const mail = smtp.received.at(-1)!;
    expect(mail.messageId).toBe(`<${message.outboxKey}@xiaoban>`);
    expect(mail.key).toBe(message.outboxKey);
    expect(mail.outboxKeyHeader).toBe(message.outboxKey);
    expect(mail.envelopeTo).toEqual(['wangfang@school.example.cn']);
    expect(mail.envelopeFrom).toBe('office@school.example.cn');
    expect(mail.from).toContain('某市第一中学校办');
    expect(mail.subject).toBe('关于开展消防疏散演练的通知');
    expect(mail.text?.trim()).toBe(`${message.body}\n\n${message.link}`);
    // On the wire the Chinese is MIME-encoded with a declared UTF-8 charset, not raw 8-bit.
    expect(mail.raw).toMatch(/charset=utf-8/i);
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/im);
  });

  it('PLT-4 email retried after a temporary SMTP refusal keeps one Message-ID: the receiver has one distinct key', async () => {
    const channel = new EmailChannel({ url: smtp.url, from: 'office@school.example.cn' });
    const message = notice('email', 'lijun@school.example.cn', { link: null });
    const before = smtp.received.length;
    smtp.failNext(2);

    const { failures } = await sendWithRetries(() => channel.send(message), 3);

    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatch(/^email: .*451/);
    const arrived = smtp.received.slice(before);
    expect(arrived).toHaveLength(1);
    expect(arrived[0].text?.trim()).toBe(message.body);
    expect(new Set(arrived.map((mail) => mail.key))).toEqual(new Set([message.outboxKey]));
  });

  it('PLT-4 email with a wrong SMTP password fails with the SMTP reply and without the password', async () => {
    const wrongUrl = smtp.url.replace('smtp-pass-2026', 'wrong-secret-pw');
    const channel = new EmailChannel({ url: wrongUrl, from: 'office@school.example.cn' });

    const error = await failureOf(channel.send(notice('email', 'lijun@school.example.cn')));

    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/^email: .*535/);
    expect(error.message).not.toContain('wrong-secret-pw');
  });

  it('PLT-4 an outbox key that cannot form a Message-ID is refused before anything is sent', () => {
    expect(messageIdFor('0b5a6c1e-2f0d-4c8e-9a51-3d2b7f6e8a90')).toBe('<0b5a6c1e-2f0d-4c8e-9a51-3d2b7f6e8a90@xiaoban>');
    expect(() => messageIdFor('a b')).toThrow(/Message-ID/);
    expect(() => messageIdFor('x>@y')).toThrow(/Message-ID/);
  });
});
