import type { ApiTokenDto, ApiTokenStatus } from './api-tokens.dto';
import type { ApiToken } from './api-token.entity';
import type { WebhookDelivery, WebhookDeliveryAttempt, WebhookSubscription } from './webhook.entities';
import type { WebhookDeliveryAttemptDto, WebhookDeliveryDto, WebhookDto } from './webhooks.dto';

export function apiTokenStatus(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now = new Date()): ApiTokenStatus {
  if (token.revokedAt) return 'revoked';
  return token.expiresAt <= now ? 'expired' : 'active';
}

export function toApiTokenDto(token: ApiToken): ApiTokenDto {
  return {
    id: token.id,
    name: token.name,
    tokenPrefix: token.tokenPrefix,
    permissions: [...token.permissions].sort(),
    status: apiTokenStatus(token),
    expiresAt: token.expiresAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    createdBy: token.createdBy ? { id: token.createdBy.id, name: token.createdBy.name } : null,
    createdAt: token.createdAt.toISOString(),
  };
}

/** `whsec_…9f2c`: enough to tell two secrets apart, too little to sign with. */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, 6)}…${secret.slice(-4)}`;
}

export function toWebhookDto(subscription: WebhookSubscription): WebhookDto {
  return {
    id: subscription.id,
    name: subscription.name,
    url: subscription.url,
    eventTypes: subscription.eventTypes,
    active: subscription.active,
    secretHint: maskSecret(subscription.secret),
    createdBy: subscription.createdBy ? { id: subscription.createdBy.id, name: subscription.createdBy.name } : null,
    createdAt: subscription.createdAt.toISOString(),
    updatedAt: subscription.updatedAt.toISOString(),
    version: subscription.version,
  };
}

export function toWebhookDeliveryDto(
  delivery: WebhookDelivery,
  attempts: WebhookDeliveryAttempt[],
  nextAttemptAt: Date | null,
): WebhookDeliveryDto {
  return {
    id: delivery.id,
    subscriptionId: delivery.subscriptionId,
    eventType: delivery.eventType,
    eventId: delivery.eventId,
    status: delivery.status,
    attempts: delivery.attempts,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    createdAt: delivery.createdAt.toISOString(),
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: delivery.status === 'queued' ? (nextAttemptAt?.toISOString() ?? null) : null,
    completedAt: delivery.completedAt?.toISOString() ?? null,
    payload: delivery.payload,
    attemptLog: attempts.map(toAttemptDto),
  };
}

function toAttemptDto(attempt: WebhookDeliveryAttempt): WebhookDeliveryAttemptDto {
  return {
    attempt: attempt.attempt,
    at: attempt.at.toISOString(),
    statusCode: attempt.statusCode,
    error: attempt.error,
    durationMs: attempt.durationMs,
  };
}
