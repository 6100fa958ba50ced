/**
 * Debian's chromium, headless, driven by playwright-core. Every console message and page error is kept, so a
 * failed test can hand the browser console over with its screenshot.
 */
import { format, inspect } from 'node:util';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { onTeardown } from './teardown';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface BrowserSession {
  readonly browser: Browser;
  /** Opens a page whose console lines are appended to `consoleLines`. */
  newPage(consoleLines: string[]): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(executablePath: string): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  // playwright kills the browser it launched when this process exits; closing it also on our own teardown keeps
  // the order (browser first, then the server it talks to) on Ctrl-C.
  const unregister = onTeardown(() => {
    void browser.close().catch(() => undefined);
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  return {
    browser,
    async newPage(consoleLines) {
      const page = await context.newPage();
      page.on('console', (message) => {
        // Keep the order of arrival; replace the raw text with the formatted one once the arguments are read.
        const index = consoleLines.push(`[${message.type()}] ${message.text()}`) - 1;
        void formatConsoleMessage(message).then((text) => {
          if (text !== '') consoleLines[index] = `[${message.type()}] ${text}`;
        }, () => undefined);
      });
      page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.stack ?? error.message}`));
      return page;
    },
    async close() {
      unregister();
      await browser.close();
    },
  };
}

/**
 * VS Code forwards extension host output as `console.log('%c INFO', 'color: …', '%s%s', …)`: apply each format
 * string to its own arguments so the line reads as it was printed.
 */
async function formatConsoleMessage(message: ConsoleMessage): Promise<string> {
  let rest: unknown[] = await Promise.all(message.args().map((arg) => arg.jsonValue() as Promise<unknown>));
  const parts: string[] = [];
  while (rest.length > 0) {
    const [first, ...others] = rest;
    if (typeof first === 'string') {
      const placeholders = (first.match(/%[sdifjoOc]/g) ?? []).length;
      parts.push(format(first, ...others.slice(0, placeholders)).trim());
      rest = others.slice(placeholders);
    } else {
      parts.push(inspect(first));
      rest = others;
    }
  }
  return parts.filter((part) => part !== '').join(' ');
}
