/** What the status-bar and audit-log stories (specs 20-29) share: the item's id, the log's folder, a wait. */
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { Workbench } from './harness/workbench';
import { waitForStatusBarItem, type StatusBarItemContent } from './vscode-dom';

/** The id given to createStatusBarItem (src/vscode/status/statusBar.ts). */
export const STATUS_ITEM = 'agentGuard.status';
export const TRANSPARENT = 'rgba(0, 0, 0, 0)';

/** Waits until the Agent Guard status-bar item of the window `page` satisfies `predicate` (undefined: not shown). */
export function statusItem(session: Workbench, page: Page, predicate: (content: StatusBarItemContent | undefined) => boolean, timeout?: number): Promise<StatusBarItemContent | undefined> {
  return waitForStatusBarItem(page, session.config.extensionId, STATUS_ITEM, predicate, timeout);
}

/** The audit log's folder in the scratch profile's global storage (src/vscode/audit/registerAudit.ts). */
export function auditDir(session: Workbench): string {
  return path.join(session.profile.userDataDir, 'User', 'globalStorage', session.config.extensionId.toLowerCase(), 'audit');
}
