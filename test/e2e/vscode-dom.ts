/**
 * Every VS Code DOM selector the E2E tests rely on, and the few user gestures built on them. These are workbench
 * internals (checked against VS Code 1.100.3 in code-server 4.100.3), not API: when an upgrade breaks a test,
 * this is the one file to fix. Tests speak in gestures ("run the command", "answer the input box", "read the
 * dialog"), never in selectors.
 */
import * as fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';

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
  activeEditorTab: '.tabs-container .tab.active',
  editorText: '.editor-instance .monaco-editor .view-lines',
  problemsRow: '.markers-panel .monaco-list-row',
  hover: '.monaco-hover:not(.hidden) .monaco-hover-content',
  codeLens: '.editor-instance .monaco-editor .codelens-decoration',
  walkthrough: '.gettingStartedContainer',
} as const;

const UI_TIMEOUT = 15_000;

/** Waits until the workbench has rendered its parts (the extension host may still be starting). */
export async function waitForWorkbench(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector(SELECTORS.workbench, { timeout });
  await page.waitForSelector(SELECTORS.statusBar, { timeout });
}

/**
 * Opens the command palette (F1), types the command's full title and picks the entry labelled exactly that.
 * The palette decides which commands it lists (their `when` clauses) from the moment the text is typed, and does
 * not look again: a command whose context key the extension host sets a moment later (e.g. Resume Agents once the
 * breaker trips) is missing from that list. And the palette closes when something else takes the focus (the
 * walkthrough focuses its step when its slide-in ends, which can be just after F1). So when the entry does not
 * show, or the palette closed under the typing, the palette is opened again, as a person would, until it works.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT;
  const row = quickInputRowLabelled(page, title);
  for (let attempt = 1; ; attempt++) {
    await openQuickInput(page, 'F1');
    const attemptTimeout = Math.max(500, Math.min(3_000, deadline - Date.now()));
    const typed = await fillQuickInput(page, `>${title}`, attemptTimeout).then(() => true, () => false);
    const shown = typed && (await row.waitFor({ state: 'visible', timeout: attemptTimeout }).then(() => true, () => false));
    if (shown) {
      await waitForQuickInputListToSettle(page);
      const clicked = await row.click({ timeout: attemptTimeout }).then(() => true, () => false);
      if (clicked) return;
    }
    if (Date.now() > deadline) {
      const rows = await page.locator(SELECTORS.quickInputRow).allInnerTexts();
      throw new Error(`no Command Palette entry "${title}" after ${attempt} attempts; it lists:\n${rows.join('\n')}`);
    }
    if (await page.locator(SELECTORS.quickInput).isVisible()) {
      await page.keyboard.press('Escape');
      await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    }
  }
}

/** The quick input row whose label is exactly `label` (not one that merely contains it, e.g. "… in Group"). */
function quickInputRowLabelled(page: Page, label: string): Locator {
  return page.locator(SELECTORS.quickInputRow).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) }).first();
}

/**
 * Opens the quick input with `key` (F1, Control+P, Control+G) and waits for its box. A quick input left open (a
 * previous pick still closing) is closed first, so the key opens a fresh one instead of acting on the old one.
 */
async function openQuickInput(page: Page, key: string): Promise<Locator> {
  if (await page.locator(SELECTORS.quickInput).isVisible()) {
    await page.keyboard.press('Escape');
    await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  }
  const box = page.locator(SELECTORS.quickInputBox);
  const deadline = Date.now() + UI_TIMEOUT;
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(key);
    // the quick input closes as soon as something else takes the focus, possibly before it was ever seen: press again
    const opened = await box.waitFor({ state: 'visible', timeout: Math.max(500, Math.min(3_000, deadline - Date.now())) }).then(() => true, () => false);
    if (opened) return box;
    if (Date.now() > deadline) throw new Error(`${key} did not open the quick input (${attempt} presses)`);
  }
}

/**
 * Replaces the text of the open quick input's box with `text` (select all, insert) and waits until the box holds
 * exactly that, typing again if something (a provider filling in its own value) changed it in between.
 */
async function fillQuickInput(page: Page, text: string, timeout = UI_TIMEOUT): Promise<void> {
  const box = page.locator(SELECTORS.quickInputBox);
  const deadline = Date.now() + timeout;
  while ((await box.inputValue({ timeout })) !== text) {
    if (Date.now() > deadline) throw new Error(`the quick input box does not keep "${text}"; it holds "${await box.inputValue({ timeout })}"`);
    await box.fill(text, { timeout: Math.max(100, deadline - Date.now()) });
  }
}

/**
 * Waits until the open quick input's list stops changing (the same rows, in the same places, on two looks 100 ms
 * apart): providers add entries after the first ones (e.g. "similar commands"), moving rows under a click.
 */
async function waitForQuickInputListToSettle(page: Page): Promise<void> {
  const look = (): Promise<string> =>
    page.locator(SELECTORS.quickInputRow).evaluateAll((rows) =>
      JSON.stringify((rows as unknown as { textContent: string | null; getBoundingClientRect(): { top: number } }[]).map((row) => [row.textContent, Math.round(row.getBoundingClientRect().top)])),
    );
  const deadline = Date.now() + UI_TIMEOUT;
  let last = await look();
  for (;;) {
    await page.waitForTimeout(100);
    const now = await look();
    if (now === last) return;
    if (Date.now() > deadline) throw new Error('the quick input list never settled');
    last = now;
  }
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
  await fillQuickInput(page, text);
  await page.locator(SELECTORS.quickInputBox).press('Enter');
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

/** The label of the dialog button that has keyboard focus (the one Enter presses), or undefined. */
export async function focusedDialogButton(page: Page): Promise<string | undefined> {
  const focused = page.locator(`${SELECTORS.dialogButton}:focus`);
  return (await focused.count()) === 0 ? undefined : (await focused.innerText()).trim();
}

/** Presses `key` (e.g. `Enter`, `Escape`) where keyboard focus is, as a person typing would, and waits for the dialog to close. */
export async function pressKeyOnDialog(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
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
  await fillQuickInput(page, text);
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

/** Opens a workspace file by its path (Quick Open), and waits until its editor is the active tab. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  const box = await openQuickInput(page, 'Control+P');
  await fillQuickInput(page, relativePath);
  const name = relativePath.split('/').pop() ?? relativePath;
  const row = page.locator(SELECTORS.quickInputRow).filter({ hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await box.press('Enter');
  await page.locator(SELECTORS.activeEditorTab).filter({ hasText: name }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await page.locator(SELECTORS.editorText).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
}

/** Puts the cursor of the active editor at a 1-based line and column (Go to Line/Column). */
export async function goToLineColumn(page: Page, line: number, column: number): Promise<void> {
  const box = await openQuickInput(page, 'Control+G');
  await fillQuickInput(page, `:${line}:${column}`);
  await box.press('Enter');
  await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** Gives the keyboard back to the active editor (its cursor stays where it was), e.g. after reading a panel. */
export async function focusEditor(page: Page): Promise<void> {
  await page.keyboard.press('Control+1');
  await page.locator('.editor-instance .monaco-editor.focused').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
}

/** Types into the active editor at the cursor (keys such as `Backspace` are pressed, text is typed). */
export async function typeInEditor(page: Page, ...keys: readonly string[]): Promise<void> {
  for (const k of keys) {
    if (/^[A-Z][A-Za-z]+$/.test(k) && k.length > 1) await page.keyboard.press(k);
    else await page.keyboard.type(k);
  }
}

/** Opens the Problems panel and returns the text of each of its rows (file rows and problem rows). */
export async function readProblems(page: Page): Promise<string[]> {
  if (!(await page.locator('.markers-panel').isVisible())) await runCommand(page, 'Problems: Focus on Problems View');
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  return (await page.locator(SELECTORS.problemsRow).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Waits until a Problems row matches `pattern` (or, with `present: false`, until none does); returns the rows. */
export async function waitForProblem(page: Page, pattern: RegExp, present = true, timeout = UI_TIMEOUT): Promise<string[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const rows = await readProblems(page);
    if (rows.some((r) => pattern.test(r)) === present) return rows;
    if (Date.now() > deadline) throw new Error(`no Problems row ${present ? 'matching' : 'without'} ${String(pattern)}; rows:\n${rows.join('\n')}`);
    await page.waitForTimeout(250);
  }
}

/** Shows the hover at the cursor of the active editor and returns its text. */
export async function readHoverAtCursor(page: Page): Promise<string> {
  await runCommand(page, 'Show or Focus Hover');
  const hover = page.locator(SELECTORS.hover).first();
  await hover.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  return (await page.locator(SELECTORS.hover).allInnerTexts()).join('\n');
}

/** The code lenses shown in the active editor. */
export async function readCodeLenses(page: Page): Promise<string[]> {
  await page.locator(SELECTORS.codeLens).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  return (await page.locator(SELECTORS.codeLens).allInnerTexts()).map((t) => t.trim());
}

/** Whether a quick pick row is ticked (multi-select lists draw their own checkbox). */
async function isTicked(row: Locator): Promise<boolean> {
  const own = await row.getAttribute('aria-checked');
  if (own !== null) return own === 'true';
  const box = row.locator('[role=checkbox], input[type=checkbox]').first();
  if ((await box.count()) === 0) return false;
  const aria = await box.getAttribute('aria-checked');
  return aria !== null ? aria === 'true' : box.isChecked();
}

async function toggle(row: Locator): Promise<void> {
  const box = row.locator('.quick-input-list-checkbox, [role=checkbox], input[type=checkbox]').first();
  if ((await box.count()) > 0) await box.click();
  else await row.click();
}

/**
 * Picks the quick pick rows whose text contains each label (ticking them in a multi-select list), then accepts.
 * `title` ('' for a pick without one) makes sure it is the expected quick pick.
 */
export async function pickQuickPickItems(page: Page, title: string, labels: readonly string[], multi = false): Promise<void> {
  if (title !== '') await page.locator(SELECTORS.quickInputTitle).filter({ hasText: title }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  for (const label of labels) {
    const row = page.locator(SELECTORS.quickInputRow).filter({ hasText: label }).first();
    await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await waitForQuickInputListToSettle(page);
    if (!multi) {
      await row.click();
      return;
    }
    if (!(await isTicked(row))) await toggle(row);
  }
  await page.locator(SELECTORS.quickInputBox).press('Enter');
}

/** In a multi-select quick pick, unticks every row. */
export async function untickAllQuickPickItems(page: Page, title: string): Promise<void> {
  await page.locator(SELECTORS.quickInputTitle).filter({ hasText: title }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await page.locator(SELECTORS.quickInputRow).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  for (const row of await page.locator(SELECTORS.quickInputRow).all()) {
    if (await isTicked(row)) await toggle(row);
  }
}

/**
 * Replaces the whole user settings.json through the editor, as a person would, and saves it (VS Code then
 * applies it at once; a file written behind its back may be noticed late). The JSON is typed on one line:
 * the editor types key by key, so brackets and quotes it closes itself are typed over, and no line is
 * auto-indented. With `file`, the saved file is checked to hold exactly `settings`.
 */
export async function replaceUserSettings(page: Page, settings: Readonly<Record<string, unknown>>, file?: string): Promise<void> {
  await runCommand(page, 'Preferences: Open User Settings (JSON)');
  await page.locator(SELECTORS.activeEditorTab).filter({ hasText: 'settings.json' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await page.locator('.editor-instance .monaco-editor.focused').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(JSON.stringify(settings));
  await page.keyboard.press('Control+S');
  await page.locator(`${SELECTORS.activeEditorTab}.dirty`).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  await runCommand(page, 'View: Close Editor');
  if (file === undefined) return;
  const wanted = JSON.stringify(settings);
  const same = (text: string): boolean => {
    try {
      return JSON.stringify(JSON.parse(text)) === wanted;
    } catch {
      return false;
    }
  };
  // the save reaches the disk through the server a moment after the editor shows it saved
  const deadline = Date.now() + UI_TIMEOUT;
  let written = fs.readFileSync(file, 'utf8');
  while (!same(written)) {
    if (Date.now() > deadline) throw new Error(`settings.json is not what was typed:\n${written}`);
    await page.waitForTimeout(200);
    written = fs.readFileSync(file, 'utf8');
  }
}

/** Closes every editor, discarding unsaved changes (File: Revert File first). */
export async function closeAllEditors(page: Page): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  // a dirty editor asks whether to save: don't
  const dontSave = page.locator(SELECTORS.dialogButton).filter({ hasText: /Don.t Save/ });
  const asked = await dontSave.first().waitFor({ state: 'visible', timeout: 1500 }).then(() => true, () => false);
  if (asked) await dontSave.first().click();
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
    // Escape closes the topmost one; a second one (a modal over a quick input) needs another press
    await Promise.all([SELECTORS.dialog, SELECTORS.quickInput].map((selector) => page.locator(selector).waitFor({ state: 'hidden', timeout: 1_000 }).catch(() => undefined)));
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

/**
 * Clicks the button labelled `label` on the notification matching `text` and waits for that toast to go. Another
 * toast arriving (or leaving) re-lays the stack out while the pointer moves, so the click can land beside the
 * button: the click is repeated, on the toast still showing, until the toast goes. A click that did land closes
 * the toast at once (the button runs its action and disposes the notification), so no action runs twice.
 */
export async function clickNotificationButton(page: Page, text: RegExp, label: string): Promise<void> {
  const toast = page.locator(SELECTORS.notificationToast).filter({ has: page.locator(SELECTORS.notificationMessage, { hasText: text }) }).last();
  const button = toast.locator(SELECTORS.notificationButton).filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }).first();
  const deadline = Date.now() + UI_TIMEOUT;
  for (let attempt = 1; ; attempt++) {
    await waitForToastsToSettle(page);
    // the toast may have gone between the look and the click (the previous click did land after all)
    const clicked = await button.click({ timeout: Math.max(500, deadline - Date.now()) }).then(() => true, async (error: unknown) => {
      if (!(await toast.isVisible())) return false;
      throw error;
    });
    if (!clicked) return;
    const gone = await toast.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false);
    if (gone) return;
    if (Date.now() > deadline) throw new Error(`clicked "${label}" ${attempt} times on the notification ${String(text)}, and it is still showing`);
  }
}

/** Waits until every toast showing has finished sliding in and the stack has stopped moving. */
async function waitForToastsToSettle(page: Page): Promise<void> {
  const look = (): Promise<string> =>
    page.locator('.notifications-toasts .notification-toast').evaluateAll((toasts) =>
      JSON.stringify(
        (toasts as unknown as { classList: { contains(c: string): boolean }; getBoundingClientRect(): { top: number; height: number } }[]).map((toast) => {
          const box = toast.getBoundingClientRect();
          return [toast.classList.contains('notification-fade-in-done'), Math.round(box.top), Math.round(box.height)];
        }),
      ),
    );
  const deadline = Date.now() + UI_TIMEOUT;
  let last = await look();
  for (;;) {
    await page.waitForTimeout(100);
    const now = await look();
    if (now === last && !now.includes('false')) return;
    if (Date.now() > deadline) throw new Error(`the notification toasts never settled: ${now}`);
    last = now;
  }
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
  // keys typed before the shell has drawn its prompt are echoed and then redrawn over, and VS Code's shell
  // integration then reads a jumbled command line (seen under load): wait for the prompt's command decoration
  // (the circle shell integration puts beside a prompt; the terminal's text itself is drawn on a canvas)
  await page.locator('.terminal-command-decoration').last().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
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
  // a pick computed asynchronously may still be adding rows above this one
  await waitForQuickInputListToSettle(page);
  const shown = (await row.innerText()).trim();
  await row.click();
  return shown;
}

/** Reloads the workbench window (a new extension host starts) and waits until it has rendered again. */
export async function reloadWindow(page: Page): Promise<void> {
  await page.reload();
  await waitForWorkbench(page);
}

export interface StatusBarItemContent {
  /** The rendered text, icons excluded (`No risk`, `Critical risk · 1 denied`). */
  readonly text: string;
  /** Codicon ids shown in the item (`shield`, `debug-pause`…). */
  readonly icons: readonly string[];
  readonly ariaLabel: string;
  /** Computed background colour (`rgb(…)`), or `transparent`/`rgba(0, 0, 0, 0)` when it has none. */
  readonly background: string;
}

/** `[id="…"]` of a status-bar item contributed by an extension (`<publisher>.<name>.<item id>`). */
function statusBarItem(page: Page, extensionId: string, itemId: string): Locator {
  return page.locator(`${SELECTORS.statusBar} [id="${extensionId.toLowerCase()}.${itemId}"]`);
}

/** Reads an extension's status-bar item; `undefined` when it is not shown. */
export async function readStatusBarItem(page: Page, extensionId: string, itemId: string): Promise<StatusBarItemContent | undefined> {
  const item = statusBarItem(page, extensionId, itemId);
  if ((await item.count()) === 0 || !(await item.isVisible())) return undefined;
  // the item can go between that look and this read (e.g. the very moment a setting hides it): then it is not shown,
  // rather than a read that waits for an element that is not coming back
  return item.evaluate((element) => {
    const { getComputedStyle } = globalThis as unknown as BrowserGlobals;
    const root = element as unknown as DomNode;
    const label = root.querySelector('a.statusbar-item-label') ?? root;
    const backgrounds = [root, label].map((node) => getComputedStyle(node).backgroundColor);
    return {
      text: (label.textContent ?? '').trim(),
      icons: [...label.querySelectorAll('.codicon')].flatMap((icon) => [...icon.classList].filter((c) => c.startsWith('codicon-')).map((c) => c.slice('codicon-'.length))),
      ariaLabel: root.getAttribute('aria-label') ?? '',
      background: backgrounds.find((color) => color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') ?? 'rgba(0, 0, 0, 0)',
    };
  }, undefined, { timeout: 1_000 }).catch(async () => ((await item.count()) === 0 ? undefined : Promise.reject(new Error(`status-bar item ${itemId} could not be read`))));
}

/** Waits until the item reads as `predicate` wants (the extension host updates the workbench asynchronously). */
export async function waitForStatusBarItem(
  page: Page,
  extensionId: string,
  itemId: string,
  predicate: (item: StatusBarItemContent | undefined) => boolean,
  timeout = UI_TIMEOUT,
): Promise<StatusBarItemContent | undefined> {
  const deadline = Date.now() + timeout;
  let last: StatusBarItemContent | undefined;
  while (Date.now() < deadline) {
    last = await readStatusBarItem(page, extensionId, itemId);
    if (predicate(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`status-bar item ${itemId} did not reach the expected state; last seen: ${JSON.stringify(last)}`);
}

export async function clickStatusBarItem(page: Page, extensionId: string, itemId: string): Promise<void> {
  await statusBarItem(page, extensionId, itemId).locator('a.statusbar-item-label').click();
}

/** The computed `rgb(…)` of a theme colour id (`statusBarItem.errorBackground`) in the current theme. */
export async function themeColor(page: Page, colorId: string): Promise<string> {
  return page.evaluate((variable) => {
    const { document, getComputedStyle } = globalThis as unknown as BrowserGlobals;
    const probe = document.createElement('div');
    probe.style.backgroundColor = `var(${variable})`;
    // the theme's --vscode-* variables are defined on the workbench element, not on the document
    (document.querySelector('.monaco-workbench') ?? document.body).appendChild(probe);
    const color = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return color;
  }, `--vscode-${colorId.replace(/\./g, '-')}`);
}

export interface TreeRow {
  readonly label: string;
  readonly description: string;
  /** Codicon ids of the row's icon (`circle-slash`…). */
  readonly icons: readonly string[];
  readonly ariaLabel: string;
}

/** Waits until the side bar shows the view container titled like `title` (e.g. `Agent Guard: Audit Log`); returns the title. */
export async function waitForSideBarTitle(page: Page, title: RegExp): Promise<string> {
  const heading = page.locator('.part.sidebar .composite.title .title-label h2').filter({ hasText: title });
  await heading.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  return ((await heading.textContent()) ?? '').trim();
}

/** Rows of the tree views shown in the side bar, top to bottom. */
export async function sideBarTreeRows(page: Page): Promise<TreeRow[]> {
  return page.locator('.part.sidebar .monaco-list-row').evaluateAll((elements) =>
    (elements as unknown as DomNode[])
      .sort((a, b) => Number(a.getAttribute('data-index') ?? 0) - Number(b.getAttribute('data-index') ?? 0))
      .map((row) => ({
        label: (row.querySelector('.label-name')?.textContent ?? '').trim(),
        description: (row.querySelector('.label-description')?.textContent ?? '').trim(),
        icons: [...row.querySelectorAll('.codicon, .custom-view-tree-node-item-icon')].flatMap((icon) =>
          [...icon.classList].filter((c) => c.startsWith('codicon-') && c !== 'codicon-tree-item-expanded').map((c) => c.slice('codicon-'.length)),
        ),
        ariaLabel: row.getAttribute('aria-label') ?? '',
      })),
  );
}

/** Waits until the side bar's tree rows satisfy `predicate`; returns them. */
export async function waitForSideBarTreeRows(page: Page, predicate: (rows: readonly TreeRow[]) => boolean, timeout = UI_TIMEOUT): Promise<TreeRow[]> {
  const deadline = Date.now() + timeout;
  let rows: TreeRow[] = [];
  while (Date.now() < deadline) {
    rows = await sideBarTreeRows(page);
    if (predicate(rows)) return rows;
    await page.waitForTimeout(100);
  }
  throw new Error(`the side bar tree did not reach the expected rows; last seen:\n${rows.map((r) => `${r.label} — ${r.description}`).join('\n')}`);
}

/** Whether the side bar's title area shows an action with this accessible label (a view/title menu entry). */
export async function sideBarHasAction(page: Page, label: string): Promise<boolean> {
  return (await page.locator(`.part.sidebar .title-actions a.action-label[aria-label="${label}"]`).count()) > 0;
}

/** In a multi-select quick pick titled `title`, checks exactly the rows labelled `labels` and accepts. */
export async function answerMultiQuickPick(page: Page, title: string, labels: readonly string[]): Promise<void> {
  await page.locator(SELECTORS.quickInputTitle).filter({ hasText: title }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  for (const label of labels) {
    const row = page.locator(SELECTORS.quickInputRow).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) }).first();
    await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await waitForQuickInputListToSettle(page);
    await row.click();
  }
  await page.locator(SELECTORS.quickInputBox).press('Enter');
}

/**
 * Answers a save dialog: the web workbench always draws VS Code's own "simple" file dialog, a quick input holding
 * a path; replace it with `filePath` and accept.
 *
 * The dialog writes into its own box while it loads a folder (the default path, then the file name selected), by
 * inserting text at its selection: typed text that meets such a write is spliced into it (a run once saw
 * `<home>/<typed path>.jsonl`). So the path is typed again until the box has held exactly `filePath` for a while
 * (the dialog's load of the typed folder is done), and Enter is pressed only then; the dialog must then close —
 * a prompt (e.g. "folder does not exist") fails here, with what it asked.
 */
export async function answerSaveDialog(page: Page, filePath: string): Promise<void> {
  const box = page.locator(SELECTORS.quickInputBox);
  await box.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  const deadline = Date.now() + UI_TIMEOUT;
  // the dialog shows its default path once it has read the default folder
  while ((await box.inputValue()) === '') {
    if (Date.now() > deadline) throw new Error('the save dialog never showed its default path');
    await page.waitForTimeout(100);
  }
  let steadyLooks = 0;
  while (steadyLooks < 5) {
    if (Date.now() > deadline) throw new Error(`the save dialog does not keep "${filePath}"; it holds "${await box.inputValue()}"`);
    if ((await box.inputValue()) === filePath) steadyLooks++;
    else {
      steadyLooks = 0;
      await box.fill(filePath);
    }
    await page.waitForTimeout(100);
  }
  await box.press('Enter');
  const closed = await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden', timeout: UI_TIMEOUT }).then(() => true, () => false);
  if (!closed) {
    const title = await page.locator(SELECTORS.quickInputTitle).innerText().catch(() => '');
    throw new Error(`the save dialog stayed open on "${await box.inputValue()}": ${title}`);
  }
}

/** The part of a DOM element the probes read (the project compiles without the DOM library). */
interface DomNode {
  readonly textContent: string | null;
  readonly classList: Iterable<string>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): Iterable<DomNode>;
}

/** The few browser globals the DOM probes use. */
interface BrowserGlobals {
  readonly document: {
    createElement(tag: string): { style: { backgroundColor: string }; remove(): void };
    body: { appendChild(node: unknown): void };
    querySelector(selector: string): { appendChild(node: unknown): void } | null;
  };
  getComputedStyle(this: void, node: unknown): { backgroundColor: string };
}

export interface RunningExtension {
  /** What the Running Extensions editor shows, e.g. `Activation: 139ms` or `Startup Activation: 25ms`. */
  readonly activation: string;
  /** The activation time's hover (activation event and how the time splits), when the workbench shows one. */
  readonly detail: string;
  /** Every row of the editor (built-in extensions and the hello-world baseline too), as shown. */
  readonly rows: ReadonlyArray<{ readonly name: string; readonly activation: string }>;
}

/** The little of a DOM element the Running Extensions rows are read through (this project has no DOM types). */
interface RowElement {
  querySelector(selector: string): { readonly textContent: string | null } | null;
}

/**
 * Opens **Developer: Show Running Extensions** and reads VS Code's own activation measurement of the extension
 * shown as `displayName`. Closes the editor afterwards.
 */
export async function readRunningExtension(page: Page, displayName: string): Promise<RunningExtension> {
  await runCommand(page, 'Developer: Show Running Extensions');
  const row = page.locator('.part.editor .monaco-list-row').filter({ has: page.locator('.name', { hasText: new RegExp(`^${escapeRegExp(displayName)}$`) }) }).first();
  await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  const rows = await page.locator('.part.editor .monaco-list-row').evaluateAll((elements: readonly RowElement[]) =>
    elements.map((element) => ({
      name: (element.querySelector('.name')?.textContent ?? '').trim(),
      activation: (element.querySelector('.activation-time')?.textContent ?? '').trim(),
    })),
  );
  const time = row.locator('.activation-time');
  const activation = ((await time.textContent()) ?? '').trim();
  await time.hover();
  const hover = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /\S/ }).last();
  const detail = await hover.waitFor({ state: 'visible', timeout: 3_000 }).then(
    async () => ((await hover.textContent()) ?? '').trim(),
    () => '',
  );
  await page.keyboard.press('Escape');
  await runCommand(page, 'View: Close Editor');
  return { activation, detail, rows };
}

/**
 * Sets a boolean setting the way a person does: **Preferences: Open Settings (UI)**, search for its id, tick or
 * untick its checkbox; then closes the Settings editor.
 *
 * The checkbox is found by the setting's key on its row, never as "the first checkbox": until the search has
 * filtered the list (it is debounced, and the editor may still hold an earlier search), the first checkbox belongs
 * to some other setting.
 */
export async function setBooleanSetting(page: Page, settingId: string, value: boolean): Promise<void> {
  await runCommand(page, 'Preferences: Open Settings (UI)');
  const editor = page.locator('.settings-editor');
  await editor.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  const search = editor.locator('.settings-header .search-container');
  await search.click();
  await search.locator('.monaco-editor.focused').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  // replace whatever the search box holds (the editor may remember the last search)
  await page.keyboard.press('Control+A');
  await page.keyboard.type(settingId);
  const checkboxSelector = `.settings-editor [data-key="${settingId}"] .setting-value-checkbox`;
  const checkbox = page.locator(checkboxSelector).first();
  await checkbox.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  if ((await checkbox.getAttribute('aria-checked')) !== String(value)) await checkbox.click();
  await page.waitForFunction(
    ({ selector, expected }) => (globalThis as unknown as { document: { querySelector(s: string): DomNode | null } }).document.querySelector(selector)?.getAttribute('aria-checked') === expected,
    { selector: checkboxSelector, expected: String(value) },
    { timeout: UI_TIMEOUT },
  );
  await runCommand(page, 'View: Close Editor');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
