import { Global, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SecretBox } from './secret-box';
import { describeUnknownKeys, reencryptSecrets, unknownKeyIds } from './secrets-at-rest';

/**
 * At start-up: encrypts secrets still stored in clear (rows written before encryption at rest,
 * or restored from an old backup), and warns about values under a key this instance lacks.
 */
@Injectable()
export class SecretsAtRestStartup implements OnApplicationBootstrap {
  private readonly logger = new Logger('SecretsAtRest');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly box: SecretBox,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { total, changed } = await reencryptSecrets(this.dataSource, this.box, 'plaintext');
    if (total > 0) this.logger.log({ changed }, `encrypted ${total} secrets that were stored in clear`);
    const unknown = await unknownKeyIds((sql, parameters) => this.dataSource.query(sql, parameters), this.box);
    if (unknown.size > 0) {
      this.logger.error(
        `secrets encrypted with keys this instance does not have (${describeUnknownKeys(unknown)}) cannot be read: ` +
          'set DEPOT_ENCRYPTION_KEY / DEPOT_PREVIOUS_ENCRYPTION_KEYS to the keys that wrote them',
      );
    }
  }
}

/** The SecretBox (keys from the configuration) for every module, and the start-up sweep. */
@Global()
@Module({
  providers: [
    {
      provide: SecretBox,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new SecretBox(config.encryption.key, config.encryption.previousKeys),
    },
    SecretsAtRestStartup,
  ],
  exports: [SecretBox],
})
export class CryptoModule {}
