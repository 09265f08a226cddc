import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Logger, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuthController } from './auth.controller';
import { AUTH_SECRET } from './auth.constants';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { PasswordService } from './password.service';
import { PrincipalService } from './principal.service';

/**
 * JWT_SECRET when set (needed when several instances share the work); otherwise a secret made
 * on first start and kept in DATA_DIR, so that sessions survive a restart.
 */
export function resolveAuthSecret(config: AppConfig): string {
  if (config.jwtSecret) return config.jwtSecret;
  const file = join(config.dataDir, 'secrets', 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(join(config.dataDir, 'secrets'), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
    new Logger('Auth').log(`Generated a token signing secret in ${file}; set JWT_SECRET to share one across instances`);
  }
  return readFileSync(file, 'utf8').trim();
}

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [AUTH_SECRET],
      extraProviders: [{ provide: AUTH_SECRET, inject: [APP_CONFIG], useFactory: resolveAuthSecret }],
      useFactory: (secret: string) => ({ secret, signOptions: { algorithm: 'HS256' } }),
    }),
    // Per client address: login and refresh only (the controllers opt in with ThrottlerGuard).
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => [{ name: 'login', ttl: 60_000, limit: config.loginThrottlePerMinute }],
    }),
  ],
  controllers: [AuthController],
  providers: [
    { provide: AUTH_SECRET, inject: [APP_CONFIG], useFactory: resolveAuthSecret },
    AuthService,
    PasswordService,
    PrincipalService,
    JwtStrategy,
  ],
  exports: [PasswordService, PrincipalService],
})
export class AuthModule {}
