/**
 * What a run leaves behind for a person: numbered screenshots of key states and, for a failed test, its
 * screenshot, the extension host logs and the browser console. One git-ignored folder, emptied at the start of a
 * run, listed at the end.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

export class Artifacts {
  private counter = 0;

  constructor(readonly dir: string) {}

  reset(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir, { recursive: true });
  }

  /** Saves a full-window screenshot as `NN-name.png` and returns its path. */
  async screenshot(page: Page, name: string): Promise<string> {
    const file = path.join(this.dir, `${String(++this.counter).padStart(2, '0')}-${slug(name)}.png`);
    await page.screenshot({ path: file });
    return file;
  }

  writeText(name: string, text: string): string {
    const file = path.join(this.dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  copy(source: string, name: string): void {
    if (!fs.existsSync(source)) return;
    fs.cpSync(source, path.join(this.dir, name), { recursive: true });
  }

  /** What was saved, relative to the current directory: screenshots and files, then failure folders (with `/`). */
  list(): string[] {
    if (!fs.existsSync(this.dir)) return [];
    const entries = fs.readdirSync(this.dir, { withFileTypes: true }).sort((a, b) => Number(a.isDirectory()) - Number(b.isDirectory()) || a.name.localeCompare(b.name));
    return entries.map((entry) => path.relative(process.cwd(), path.join(this.dir, entry.name)) + (entry.isDirectory() ? '/' : ''));
  }
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}
