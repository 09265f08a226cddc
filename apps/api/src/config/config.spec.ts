import { loadConfig } from './config';

describe('configuration (unit)', () => {
  it('NFR-2 defaults to port 3000, ./data and the embedded database', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.schoolTimeZone).toBe('Asia/Shanghai');
  });

  it('NFR-2 stops the start with a message naming a bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ LOCKOUT_THRESHOLD: '0' })).toThrow(/LOCKOUT_THRESHOLD/);
  });
});
