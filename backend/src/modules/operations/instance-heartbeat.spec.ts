import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../platform/config/app-config';
import { BackgroundWorkers } from '../../platform/lifecycle/background-workers';
import { INSTANCE } from '../../platform/lifecycle/instance';
import { InstanceHeartbeat } from './instance-heartbeat';

describe('InstanceHeartbeat', () => {
  const config = { role: 'worker' } as AppConfig;

  it('upserts this process’s row and prunes rows unseen for a day', async () => {
    const query = jest.fn().mockResolvedValue([]);
    const heartbeat = new InstanceHeartbeat({ query } as unknown as DataSource, config, new BackgroundWorkers());
    await heartbeat.beat();
    expect(query).toHaveBeenCalledTimes(2);
    expect(query.mock.calls[0][0]).toMatch(/INSERT INTO instance_heartbeats .* ON CONFLICT \(instance_id\) DO UPDATE/s);
    expect(query.mock.calls[0][1]).toEqual([
      INSTANCE.id,
      'worker',
      INSTANCE.hostname,
      process.pid,
      INSTANCE.version,
      INSTANCE.startedAt,
    ]);
    expect(query.mock.calls[1][0]).toMatch(
      /DELETE FROM instance_heartbeats WHERE last_seen_at < now\(\) - interval '1 day'/,
    );
  });

  it('never throws when the database is away, and beats again at the next tick', async () => {
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    jest.useFakeTimers();
    try {
      const query = jest.fn().mockRejectedValue(new Error('connection refused'));
      const workers = new BackgroundWorkers();
      const heartbeat = new InstanceHeartbeat({ query } as unknown as DataSource, config, workers);
      heartbeat.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(0);
      expect(query).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(15_000);
      expect(query).toHaveBeenCalledTimes(2);
      expect(workers.list().map((worker) => worker.name)).toContain('instance heartbeat');
      await heartbeat.stop();
      await jest.advanceTimersByTimeAsync(60_000);
      expect(query).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
      jest.restoreAllMocks();
    }
  });
});
