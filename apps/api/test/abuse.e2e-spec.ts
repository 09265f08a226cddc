import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, startTestApp, type TestApp } from './setup/test-app';

/**
 * NFR-1 abuse checks from outside (issue 11): security headers on the API and on the admin panel
 * it serves, and a strict CORS allow-list. The login throttle, upload limits and 413 have their
 * own tests (auth, files and http e2e).
 */
const ALLOWED = 'https://portal.school.example';

describe('NFR-1 security headers and CORS', () => {
  let t: TestApp;
  let panel: string;

  beforeAll(async () => {
    panel = mkdtempSync(join(tmpdir(), 'xiaoban-panel-'));
    writeFileSync(join(panel, 'index.html'), '<!doctype html><title>xiaoban</title><div id="app"></div>');
    mkdirSync(join(panel, 'assets'));
    writeFileSync(join(panel, 'assets', 'index-3f9a1c.js'), 'console.log(1)');
    t = await startTestApp({ ADMIN_DIST: panel, CORS_ORIGINS: ALLOWED }, { databaseUrl: await createTestDatabase() });
  });
  afterAll(async () => {
    await t.close();
    rmSync(panel, { recursive: true, force: true });
  });

  it('NFR-1 the API and the admin panel send the security headers: CSP without framing, nosniff, no referrer leak', async () => {
    for (const path of ['/api/health', '/api/v1/auth/me', '/', '/documents/incoming']) {
      const res = await t.http.get(path);
      expect(res.status).toBeLessThan(500);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
    // The panel's routes are the panel's page, served fresh so that a new release is picked up.
    const page = await t.http.get('/documents/incoming').expect(200);
    expect(page.text).toContain('<div id="app">');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect((await t.http.get('/').expect(200)).headers['cache-control']).toBe('no-cache');
    // Its content-hashed assets never change: browsers keep them.
    const asset = await t.http.get('/assets/index-3f9a1c.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    await t.http.get('/assets/index-000000.js').expect(404);
  });

  it('NFR-1 CORS answers only the allow-listed origin; any other origin gets no CORS grant', async () => {
    const preflight = (origin: string) =>
      t.http
        .options('/api/v1/auth/login')
        .set('origin', origin)
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'content-type,authorization');
    const allowed = await preflight(ALLOWED);
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(String(allowed.headers['access-control-allow-methods'])).toContain('POST');
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
    for (const origin of ['https://evil.example', 'https://portal.school.example.evil.example', 'null']) {
      const refused = await preflight(origin);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      const simple = await t.http.get('/api/health').set('origin', origin);
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    }
    const simple = await t.http.get('/api/health').set('origin', ALLOWED).expect(200);
    expect(simple.headers['access-control-allow-origin']).toBe(ALLOWED);
  });

  it('NFR-1 without an allow-list no origin gets a CORS grant', async () => {
    const closed = await startTestApp();
    try {
      const res = await closed.http.get('/api/health').set('origin', ALLOWED).expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await closed.close();
    }
  });
});
