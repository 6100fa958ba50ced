// Renders the marketplace icon, media/icon.png (128×128), from the same shield as media/shield.svg: the shield's
// path on a rounded square, drawn by headless Chromium (Debian's `chromium`, as the E2E harness uses) through
// playwright-core. Run `node scripts/make-icon.mjs` after changing the shield; commit the PNG.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const shield = fs.readFileSync(path.join(root, 'media', 'shield.svg'), 'utf8');
// the shield's own paths (a 24×24 outline drawn with currentColor), reused so the icon and the view icon agree
const paths = [...shield.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]);
if (paths.length === 0) throw new Error('no <path> in media/shield.svg');

const size = 128;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#1f6feb"/><stop offset="1" stop-color="#0b3d91"/>
    </linearGradient>
  </defs>
  <rect x="0.5" y="0.5" width="23" height="23" rx="5" fill="url(#bg)"/>
  <g transform="translate(2.4 2.2) scale(0.8)" fill="none" stroke="#ffffff" stroke-width="1.9" stroke-linejoin="round" stroke-linecap="round">
    <path d="${paths[0]}" fill="#ffffff" fill-opacity="0.16"/>
    ${paths.slice(1).map((d) => `<path d="${d}" stroke="#7ee787" stroke-width="2.2"/>`).join('\n    ')}
  </g>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const out = path.join(root, 'media', 'icon.png');
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
  console.log(`wrote ${path.relative(root, out)} (${fs.statSync(out).size} bytes)`);
} finally {
  await browser.close();
}
