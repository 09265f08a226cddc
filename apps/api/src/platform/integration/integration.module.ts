import { Global, Module } from '@nestjs/common';
import { API_TOKEN_AUTHENTICATOR } from '../auth/api-token-authenticator';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensService } from './api-tokens.service';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/**
 * Integration with other school systems (PLT-9): API tokens they call us with, and webhooks we
 * call them with. Global, so the access guard finds the token authenticator and any module can
 * publish events through WebhooksService.
 */
@Global()
@Module({
  controllers: [ApiTokensController, WebhooksController],
  providers: [ApiTokensService, WebhooksService, { provide: API_TOKEN_AUTHENTICATOR, useExisting: ApiTokensService }],
  exports: [WebhooksService, API_TOKEN_AUTHENTICATOR],
})
export class IntegrationModule {}
