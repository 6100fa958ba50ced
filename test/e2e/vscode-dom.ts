/**
 * Every VS Code DOM selector the E2E tests rely on, and the few user gestures built on them. These are workbench
 * internals (checked against VS Code 1.100.3 in code-server 4.100.3), not API: when an upgrade breaks a test,
 * this is the one file to fix. Tests speak in gestures ("run the command", "answer the input box", "read the
 * dialog"), never in selectors.
 */
import type { Page } from 'playwright-core';

export const SELECTORS = {
  workbench: '.monaco-workbench',
  statusBar: '.part.statusbar',
  quickInput: '.quick-input-widget',
  quickInputTitle: '.quick-input-widget .quick-input-title',
  quickInputMessage: '.quick-input-widget .quick-input-message',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  dialog: '.monaco-dialog-box',
  dialogMessage: '.monaco-dialog-box .dialog-message-text',
  dialogDetail: '.monaco-dialog-box .dialog-message-detail',
  dialogButton: '.monaco-dialog-box .dialog-buttons a.monaco-button',
  dialogIcon: '.monaco-dialog-box .dialog-icon',
  notificationToast: '.notifications-toasts .notification-toast-container',
  notificationMessage: '.notification-list-item-message',
  notificationButton: '.notification-list-item-buttons-container .monaco-button',
  /** Set on a toast once its slide-in transition has ended (before that, screenshots catch it half-way). */
  notificationSettled: '.notification-toast.notification-fade-in-done',
  diffModifiedLines: '.monaco-diff-editor .editor.modified .view-lines',
  diffEditor: '.editor-instance .monaco-diff-editor',
  activeTabLabel: '.tabs-container .tab.active .label-name',
  terminalInput: '.terminal-wrapper.active .xterm textarea, .terminal .xterm-helper-textarea',
} as const;

const UI_TIMEOUT = 15_000;

/** Waits until the workbench has rendered its parts (the extension host may still be starting). */
export async function waitForWorkbench(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector(SELECTORS.workbench, { timeout });
  await page.waitForSelector(SELECTORS.statusBar, { timeout });
}

/** Opens the command palette (F1), types the command's full title and picks exactly that entry. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const box = page.locator(SELECTORS.quickInputBox);
  await box.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await box.fill(`>${title}`);
  const row = page.locator(SELECTORS.quickInputRow).filter({ hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await row.click();
}

export interface InputBoxContent {
  readonly title: string;
  readonly message: string;
}

/** Waits for an input box with `title`, types `text` and presses Enter; returns what the box showed. */
export async function answerInputBox(page: Page, title: string, text: string): Promise<InputBoxContent> {
  const titleElement = page.locator(SELECTORS.quickInputTitle).filter({ hasText: title });
  await titleElement.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  const shown = {
    title: (await titleElement.innerText()).trim(),
    message: (await page.locator(SELECTORS.quickInputMessage).innerText()).trim(),
  };
  const box = page.locator(SELECTORS.quickInputBox);
  await box.fill(text);
  await box.press('Enter');
  return shown;
}

export interface DialogContent {
  readonly message: string;
  readonly detail: string;
  readonly buttons: readonly string[];
  /** `Info`, `Warning` or `Error`, from the icon's accessible label. */
  readonly severity: string;
}

/** Waits for a modal dialog (`window.dialogStyle: custom`, as the web workbench always renders it) and reads it. */
export async function readDialog(page: Page): Promise<DialogContent> {
  await page.locator(SELECTORS.dialog).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  return {
    message: (await page.locator(SELECTORS.dialogMessage).innerText()).trim(),
    detail: (await page.locator(SELECTORS.dialogDetail).innerText()).trim(),
    buttons: (await page.locator(SELECTORS.dialogButton).allInnerTexts()).map((text) => text.trim()),
    severity: (await page.locator(SELECTORS.dialogIcon).getAttribute('aria-label')) ?? '',
  };
}

/** Clicks the dialog button labelled `label` and waits for the dialog to close. */
export async function clickDialogButton(page: Page, label: string): Promise<void> {
  await page.locator(SELECTORS.dialogButton).filter({ hasText: label }).first().click();
  await page.locator(SELECTORS.dialog).waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

export interface InputBoxSubmission {
  /** Whether the input box closed (VS Code accepted the value). */
  readonly accepted: boolean;
  /** The message under the box when Enter was pressed (validation message, else the prompt). */
  readonly message: string;
}

/**
 * Types `text` into the open input box titled `title`, waits until its message satisfies `ready` (validation runs
 * in the extension host), presses Enter and reports whether VS Code accepted it: an input box with a validation
 * error stays open.
 */
export async function submitInputBox(page: Page, title: string, text: string, ready: (message: string) => boolean = () => true): Promise<InputBoxSubmission> {
  await page.locator(SELECTORS.quickInputTitle).filter({ hasText: title }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  const box = page.locator(SELECTORS.quickInputBox);
  await box.fill(text);
  const messageElement = page.locator(SELECTORS.quickInputMessage);
  const deadline = Date.now() + UI_TIMEOUT;
  let message = (await messageElement.innerText()).trim();
  while (!ready(message)) {
    if (Date.now() > deadline) throw new Error(`the input box message never became ready; it says: ${message}`);
    await page.waitForTimeout(100);
    message = (await messageElement.innerText()).trim();
  }
  await box.press('Enter');
  const accepted = await page
    .locator(SELECTORS.quickInput)
    .waitFor({ state: 'hidden', timeout: 2_000 })
    .then(() => true, () => false);
  return { accepted, message };
}

/** Whether a modal dialog is showing right now. */
export async function isDialogOpen(page: Page): Promise<boolean> {
  return page.locator(SELECTORS.dialog).isVisible();
}

/**
 * Closes whatever a test may have left open (a modal, the quick input), so the next test starts from a plain
 * workbench even after a failure.
 */
export async function closeTransientUi(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const open = (await page.locator(SELECTORS.dialog).isVisible()) || (await page.locator(SELECTORS.quickInput).isVisible());
    if (!open) return;
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
  }
}

export interface NotificationContent {
  readonly message: string;
  readonly buttons: readonly string[];
}

/**
 * Waits for a notification toast whose message matches `text` and reads it. Toasts of warnings with buttons hide
 * themselves after ~10 s (into the notification centre), so read and answer them promptly.
 */
export async function readNotification(page: Page, text: RegExp): Promise<NotificationContent> {
  const toast = page.locator(SELECTORS.notificationToast).filter({ has: page.locator(SELECTORS.notificationMessage, { hasText: text }) }).last();
  await toast.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await toast.locator(SELECTORS.notificationSettled).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  return {
    message: (await toast.locator(SELECTORS.notificationMessage).innerText()).trim(),
    buttons: (await toast.locator(SELECTORS.notificationButton).allInnerTexts()).map((label) => label.trim()),
  };
}

/** Clicks the button labelled `label` on the notification matching `text` and waits for that toast to go. */
export async function clickNotificationButton(page: Page, text: RegExp, label: string): Promise<void> {
  const toast = page.locator(SELECTORS.notificationToast).filter({ has: page.locator(SELECTORS.notificationMessage, { hasText: text }) }).last();
  await toast.locator(SELECTORS.notificationButton).filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) }).first().click();
  await toast.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** Waits for a diff editor to be the active editor and to show `modifiedText` on its right side; returns its tab's title. */
export async function waitForDiffEditor(page: Page, modifiedText: string): Promise<string> {
  await page.locator(SELECTORS.diffEditor).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await page.locator(SELECTORS.diffModifiedLines, { hasText: modifiedText }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  return (await page.locator(SELECTORS.activeTabLabel).first().innerText()).trim();
}

/** Focuses the active integrated terminal and types `line` followed by Enter. */
export async function typeInTerminal(page: Page, line: string): Promise<void> {
  const input = page.locator(SELECTORS.terminalInput).first();
  await input.waitFor({ state: 'attached', timeout: UI_TIMEOUT });
  await input.focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Clicks the first row of the open quick pick whose text matches `text` (and not `unless`). */
export async function pickQuickInputRow(page: Page, text: RegExp, unless?: RegExp): Promise<string> {
  let rows = page.locator(SELECTORS.quickInputRow).filter({ hasText: text });
  if (unless) rows = rows.filter({ hasNotText: unless });
  const row = rows.first();
  await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  const shown = (await row.innerText()).trim();
  await row.click();
  return shown;
}

/** Reloads the workbench window (a new extension host starts) and waits until it has rendered again. */
export async function reloadWindow(page: Page): Promise<void> {
  await page.reload();
  await waitForWorkbench(page);
}
