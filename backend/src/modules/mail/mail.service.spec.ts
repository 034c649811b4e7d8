import type { MailTemplateData } from './mail-templates';
import { MailRenderer } from './mail-renderer';
import { MailService } from './mail.service';

const message = {
  to: 'ada@depot.test',
  template: 'password-changed' as const,
  data: { displayName: 'Ada', changedAt: new Date('2026-11-23T19:47:00Z') },
};

function clsWith(requestId: string | undefined, active = true) {
  return { isActive: () => active, get: (key: string) => (key === 'requestId' ? requestId : undefined) } as never;
}

describe('MailService', () => {
  const renderer = new MailRenderer('https://depot.test');

  it('queues the rendered message in the caller’s transaction and notifies the worker on commit', async () => {
    const query = jest.fn().mockResolvedValue([]);
    const service = new MailService({ tx: { query } } as never, renderer, clsWith('req-42'));
    const id = await service.send(message);

    expect(query).toHaveBeenCalledTimes(1);
    const [sql, params] = query.mock.calls[0] as [string, unknown[]];
    expect(sql).toMatch(/INSERT INTO mail_messages/);
    expect(sql).toMatch(/'queued', now\(\)/);
    expect(sql).toMatch(/pg_notify\('depot_mail'/);
    expect(params[0]).toBe(id);
    expect(params.slice(1, 4)).toEqual(['ada@depot.test', 'password-changed', 'Your Depot password was changed']);
    expect(params[4]).toContain('Hello Ada,');
    expect(params[5]).toMatch(/^Hello Ada,\n/);
    expect(params[6]).toBe('req-42');
  });

  it('queues without a request id outside a request (a background job)', async () => {
    const query = jest.fn().mockResolvedValue([]);
    const service = new MailService({ tx: { query } } as never, renderer, clsWith(undefined, false));
    await service.send(message);
    expect((query.mock.calls[0] as [string, unknown[]])[1][6]).toBeNull();
  });

  it('refuses to queue a message it cannot render, inside the request', async () => {
    const query = jest.fn();
    const service = new MailService({ tx: { query } } as never, renderer, clsWith(undefined));
    await expect(
      service.send({
        to: 'ada@depot.test',
        template: 'password-reset',
        data: { displayName: 'Ada', expiresInMinutes: 30 } as MailTemplateData['password-reset'],
      }),
    ).rejects.toThrow(/link/);
    expect(query).not.toHaveBeenCalled();
  });
});
