import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AUTH_SECRET } from './auth.constants';
import { PrincipalService } from './principal.service';
import type { Principal } from './principal';

interface AccessTokenPayload {
  sub: string;
  typ: string;
}

/**
 * Checks the bearer token's signature and expiry, then loads the person afresh, so that a
 * deactivated account or a changed role takes effect at once rather than at token expiry.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(AUTH_SECRET) secret: string,
    private readonly principals: PrincipalService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once: given the string, jsonwebtoken first tries it as a public key on every
      // verify (and throws), which cost a third of an authenticated request's CPU (NFR-9 profile).
      // passport-jwt's types predate KeyObject; jsonwebtoken 9 takes it as it is.
      secretOrKey: createSecretKey(Buffer.from(secret, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<Principal | false> {
    if (payload.typ !== 'access' || typeof payload.sub !== 'string') return false;
    return (await this.principals.load(payload.sub)) ?? false;
  }
}
