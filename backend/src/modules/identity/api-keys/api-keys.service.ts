import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ErrorCode, type ApiKeyDto, type CreatedApiKeyDto, type Permission } from '@depot/contracts';
import { IsNull } from 'typeorm';
import type { Principal } from '../../../platform/auth/principal';
import { newId } from '../../../platform/database/ids';
import { AppError, NotFoundError, ValidationError } from '../../../platform/http/app-error';
import { AuditService } from '../../audit/audit.service';
import { newApiKey } from './api-key-format';
import { ApiKeyEntity } from './api-key.entity';
import { CredentialRevocations } from '../credentials/credential-revocations';
import type { CreateApiKeyDto } from './dto/api-key.dto';

function toDto(key: ApiKeyEntity): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    prefix: `dpk_${key.prefix}`,
    scopes: key.scopes as Permission[],
    createdAt: key.createdAt.toISOString(),
    expiresAt: key.expiresAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

/** API keys of the signed-in user: created with a subset of their permissions, shown once. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly revocations: CredentialRevocations,
  ) {}

  private get repository() {
    return this.txHost.tx.getRepository(ApiKeyEntity);
  }

  async listOwn(owner: Principal): Promise<ApiKeyDto[]> {
    const keys = await this.repository.find({ where: { userId: owner.userId }, order: { createdAt: 'DESC' } });
    return keys.map(toDto);
  }

  async getOwn(owner: Principal, id: string): Promise<ApiKeyDto> {
    const key = await this.repository.findOneBy({ id, userId: owner.userId });
    if (!key) throw new NotFoundError(ErrorCode.ApiKeyNotFound, `No API key with id ${id}.`);
    return toDto(key);
  }

  @Transactional()
  async create(owner: Principal, input: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    if (owner.kind === 'api_key') {
      throw new AppError(403, ErrorCode.Forbidden, 'Forbidden', 'API keys cannot create other API keys.');
    }
    const missing = input.scopes.filter((scope) => !owner.permissions.has(scope));
    if (missing.length > 0) {
      throw new AppError(
        403,
        ErrorCode.ScopeNotHeld,
        'Forbidden',
        `You cannot grant permissions you do not hold: ${missing.join(', ')}.`,
      );
    }
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw new ValidationError([{ field: 'expiresAt', message: 'expiresAt must be in the future', code: 'future' }]);
    }
    const { key, prefix, hash } = newApiKey();
    const entity = this.repository.create({
      id: newId(),
      userId: owner.userId,
      name: input.name,
      prefix,
      keyHash: hash,
      scopes: [...new Set(input.scopes)].sort(),
      expiresAt,
      lastUsedAt: null,
      revokedAt: null,
    });
    await this.repository.insert(entity);
    const saved = await this.repository.findOneByOrFail({ id: entity.id });
    await this.audit.record({
      action: 'identity.api-key.created',
      entityType: 'api_key',
      entityId: saved.id,
      changes: { name: { before: null, after: saved.name }, scopes: { before: null, after: saved.scopes } },
    });
    return { ...toDto(saved), key };
  }

  @Transactional()
  async revoke(owner: Principal, id: string): Promise<void> {
    const key = await this.repository.findOneBy({ id, userId: owner.userId });
    if (!key) throw new NotFoundError(ErrorCode.ApiKeyNotFound, `No API key with id ${id}.`);
    if (key.revokedAt) return;
    await this.repository.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.revocations.announce();
    await this.audit.record({ action: 'identity.api-key.revoked', entityType: 'api_key', entityId: id });
  }
}
