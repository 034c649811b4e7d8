import { createHmac } from 'node:crypto';
import { newWebhookSecret, signWebhook, webhookHeaders } from './webhook-signing';

describe('Standard Webhooks signing', () => {
  it('matches the reference example of the Standard Webhooks specification', () => {
    // From the spec's test vectors (standard-webhooks, "simple" example).
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
    const timestamp = 1614265330;
    const body = '{"test": 2432232314}';
    expect(signWebhook(secret, id, timestamp, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('signs id, timestamp and body together with the decoded secret', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const headers = webhookHeaders(secret, 'evt-1', '{"a":1}', new Date('2026-11-23T00:00:00Z'));
    const expected = createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
      .update(`evt-1.${headers['webhook-timestamp']}.{"a":1}`)
      .digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
    expect(headers['webhook-id']).toBe('evt-1');
    expect(headers['webhook-timestamp']).toBe(String(Date.parse('2026-11-23T00:00:00Z') / 1000));
  });
});
