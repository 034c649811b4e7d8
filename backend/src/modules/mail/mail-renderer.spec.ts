import { MAIL_TEMPLATES } from '@depot/contracts';
import { MailRenderer } from './mail-renderer';
import type { MailTemplateData } from './mail-templates';

describe('MailRenderer', () => {
  const renderer = new MailRenderer('https://depot.example.com');
  const changedAt = new Date('2026-11-23T19:47:12Z');
  const samples: MailTemplateData = {
    invite: {
      displayName: 'Ada',
      link: 'https://depot.example.com/reset-password?token=abc&invite=1',
      expiresInHours: 72,
      invitedBy: 'Grace',
    },
    'password-reset': {
      displayName: 'Ada',
      link: 'https://depot.example.com/reset-password?token=abc',
      expiresInMinutes: 30,
    },
    'password-changed': { displayName: 'Ada', changedAt },
    'mfa-changed': { displayName: 'Ada', change: 'enabled', changedAt },
    'webhook-disabled': {
      displayName: 'Ada',
      url: 'https://hooks.example.com/depot',
      reason: 'failing for more than 86400 s',
      lastError: 'receiver answered 503',
      disabledAt: changedAt,
      link: 'http://localhost:3000/admin/webhooks/1',
    },
    document: {
      subject: 'Invoice INV-2026-000123 from Depot Demo GmbH',
      message: 'Hello Ada,\n\nplease find attached our invoice INV-2026-000123.',
      sellerName: 'Depot Demo GmbH',
      attachments: ['INV-2026-000123.pdf'],
    },
  };

  const ACCOUNT_MAILS = MAIL_TEMPLATES.filter((name) => name !== 'document');

  it.each(ACCOUNT_MAILS)('renders %s with a subject, an HTML part in the layout and a text part', (name) => {
    const mail = renderer.render(name, samples[name]);
    expect(mail.subject).toMatch(/\S/);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).toMatch(/^<!doctype html>/);
    expect(mail.html).toContain(`<title>${mail.subject}</title>`);
    expect(mail.html).toContain('Hello Ada,');
    expect(mail.html).toContain('https://depot.example.com');
    expect(mail.text).toMatch(/^Hello Ada,\n/);
    expect(mail.text).toContain('This message was sent by Depot at https://depot.example.com.');
    expect(mail.text).not.toMatch(/<[a-z]/i);
  });

  it('renders a document mail signed by the company, with the sender’s words and the attachments named', () => {
    const mail = renderer.render('document', {
      ...samples.document,
      message: 'Dear <Nordic> team,\nsee attached.',
    });
    expect(mail.subject).toBe('Invoice INV-2026-000123 from Depot Demo GmbH');
    expect(mail.html).toContain('Dear &lt;Nordic&gt; team,\nsee attached.');
    expect(mail.html).toContain('Depot Demo GmbH</td>');
    expect(mail.html).toContain('Attached: INV-2026-000123.pdf');
    expect(mail.html).not.toContain('because of your account');
    expect(mail.text).toMatch(/^Dear <Nordic> team,\nsee attached.\n\nAttached: INV-2026-000123.pdf\n/);
    expect(mail.text).toContain('Sent by Depot Demo GmbH.');
  });

  it('escapes HTML in values of the HTML part and leaves the text part literal', () => {
    const mail = renderer.render('password-reset', {
      ...samples['password-reset'],
      displayName: '<script>alert("x")</script> & Co',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(mail.text).toContain('Hello <script>alert("x")</script> & Co,');
  });

  it('puts the link into the HTML attribute escaped and into the text part as is', () => {
    const mail = renderer.render('invite', samples.invite);
    expect(mail.html).toContain('href="https://depot.example.com/reset-password?token&#x3D;abc&amp;invite&#x3D;1"');
    expect(mail.text).toContain('\nhttps://depot.example.com/reset-password?token=abc&invite=1\n');
    expect(mail.text).toContain('Grace has invited you to Depot.');
    expect(renderer.render('invite', { ...samples.invite, invitedBy: null }).text).toContain(
      'You have been invited to Depot.',
    );
  });

  it('words the MFA notice by what changed, with the time in UTC', () => {
    const subjects = (['enabled', 'disabled', 'reset'] as const).map(
      (change) => renderer.render('mfa-changed', { ...samples['mfa-changed'], change }).subject,
    );
    expect(subjects).toEqual([
      'Two-step verification turned on for your Depot account',
      'Two-step verification turned off for your Depot account',
      'Two-step verification reset for your Depot account',
    ]);
    expect(renderer.render('mfa-changed', samples['mfa-changed']).text).toContain('on 2026-11-23 19:47 UTC');
  });

  it('refuses to render with a missing field rather than sending a gap', () => {
    expect(() =>
      renderer.render('password-reset', {
        displayName: 'Ada',
        expiresInMinutes: 30,
      } as MailTemplateData['password-reset']),
    ).toThrow(/link/);
  });
});
