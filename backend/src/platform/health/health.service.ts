import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@depot/contracts';
import type { DataSource } from 'typeorm';
import { AppError } from '../http/app-error';
import { ServerState } from '../lifecycle/server-state';

const DATABASE_CHECK_TIMEOUT_MS = 2_000;

function unavailable(detail: string): AppError {
  return new AppError(503, ErrorCode.Unavailable, 'Service Unavailable', detail);
}

@Injectable()
export class HealthService implements BeforeApplicationShutdown {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly state: ServerState,
  ) {}

  beforeApplicationShutdown(): void {
    this.state.closing = true;
  }

  markShuttingDown(): void {
    this.state.closing = true;
  }

  async assertReady(): Promise<void> {
    if (this.state.closing) throw unavailable('The server is shutting down.');
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), DATABASE_CHECK_TIMEOUT_MS);
        }),
      ]);
    } catch {
      throw unavailable('The database is not reachable.');
    } finally {
      clearTimeout(timer);
    }
  }
}
