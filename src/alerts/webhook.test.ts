import { describe, expect, it } from 'vitest';
import { describeSmtpFailure } from './smtp-failure.ts';
import { isPrivateHost, webhookPayload, webhookUrl } from './webhook.ts';

describe('webhook URL rule: https, or http only to this machine or a private network', () => {
  it.each([
    ['https://hooks.slack.com/services/T0/B0/x', true],
    ['https://example.webhook.office.com/webhookb2/abc', true],
    ['http://127.0.0.1:8080/hook', true],
    ['http://localhost/hook', true],
    ['http://10.1.2.3/hook', true],
    ['http://172.20.0.5/hook', true],
    ['http://192.168.1.9/hook', true],
    ['http://[::1]:9000/hook', true],
    ['http://hooks.slack.com/services/T0/B0/x', false],
    ['http://172.32.0.1/hook', false],
    ['http://8.8.8.8/hook', false],
    ['https://user:pw@hooks.example.com/x', false],
    ['ftp://example.com/x', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => {
    expect(webhookUrl.safeParse(url).success).toBe(ok);
  });

  it('private hosts', () => {
    expect(isPrivateHost('fd12:3456::1')).toBe(true);
    expect(isPrivateHost('app.localhost')).toBe(true);
    expect(isPrivateHost('2001:db8::1')).toBe(false);
  });
});

describe('webhook payloads', () => {
  const message = { subject: 'AdlerDo: test', text: 'Line 1\nLine 2' };
  it('text: one top-level field that Slack and Teams connectors show', () => {
    expect(webhookPayload('text', message)).toEqual({ text: 'AdlerDo: test\n\nLine 1\nLine 2' });
  });
  it('adaptive_card: the message envelope a Teams Workflows webhook expects', () => {
    expect(webhookPayload('adaptive_card', message)).toMatchObject({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: { type: 'AdaptiveCard', body: [{ text: 'AdlerDo: test' }, { text: 'Line 1\nLine 2' }] },
        },
      ],
    });
  });
});

describe('SMTP failures in words', () => {
  it('cuts a secret out of the server answer', () => {
    const text = describeSmtpFailure(
      { code: 'EAUTH', responseCode: 535, response: '535 login s3cret-pass refused' },
      'mail.example.com:587',
      ['s3cret-pass'],
    );
    expect(text).toBe(
      'The SMTP server at mail.example.com:587 refused the user name or password. The server answered: "535 login ••• refused".',
    );
  });
  it('names an unknown host and a timeout', () => {
    expect(describeSmtpFailure({ code: 'EDNS', message: 'getaddrinfo ENOTFOUND x' }, 'x:25', [])).toBe(
      'The SMTP host in x:25 was not found: check its name.',
    );
    expect(describeSmtpFailure({ code: 'ETIMEDOUT', message: 'Connection timeout' }, 'x:25', [])).toContain(
      'did not answer in time',
    );
  });
});
