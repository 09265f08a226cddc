// Browser tests drive Debian's Chromium (no browser download is possible on these machines).
// Installs it with apt when we are root; otherwise stops with the exact command to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-wqy-microhei';

export function ensureChromium() {
  const hasFont = existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc');
  if (existsSync(CHROMIUM) && hasFont) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(`Chromium (and a CJK font) are needed for the browser tests. Install them with:\n  sudo sh -c '${INSTALL}'`);
    process.exit(1);
  }
  console.log(`Installing Chromium and fonts: ${INSTALL}`);
  execSync(INSTALL, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
