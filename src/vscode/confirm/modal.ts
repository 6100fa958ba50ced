/**
 * The person's side of a confirmation, in VS Code's own UI: a modal warning with Deny / Allow Once / Allow for
 * This Session (Deny is the default button, so Enter denies; Escape and the close icon press VS Code's Cancel,
 * which denies too — see `modalItems`), an input box that accepts only the target's
 * name for critical actions and production targets, and notifications for a paused session and a click that
 * came too late.
 */
import * as vscode from 'vscode';
import type { TripInfo } from './circuitBreaker';
import { RESUME_COMMAND_TITLE, type Prompter } from './confirmationFlow';
import { modalItems, type Choice, type DialogText } from './dialogText';

export const RESUME_COMMAND_ID = 'agentGuard.resumeAgents';
export const TYPED_CONFIRMATION_TITLE = 'Agent Guard: Type to Confirm';

export class VsCodePrompter implements Prompter {
  async choose(text: DialogText): Promise<Choice | undefined> {
    // undefined (Cancel, Escape, the close icon) is a denial for the caller
    const picked = await vscode.window.showWarningMessage(text.message, { modal: true, detail: text.detail }, ...modalItems(text));
    return picked?.choice;
  }

  async typeToConfirm(target: string, text: DialogText, signal: AbortSignal): Promise<boolean> {
    const cancel = new vscode.CancellationTokenSource();
    const onAbort = (): void => cancel.cancel();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      if (signal.aborted) return false;
      const wrong = `Type "${target}" exactly to allow this. Escape denies.`;
      const typed = await vscode.window.showInputBox(
        {
          title: TYPED_CONFIRMATION_TITLE,
          prompt: `${text.message}. To allow it, type "${target}".`,
          placeHolder: target,
          ignoreFocusOut: true,
          // anything but the exact name is an error, and VS Code does not accept an input box with an error
          validateInput: (value) => (value.trim() === target ? undefined : wrong),
        },
        cancel.token,
      );
      return typed !== undefined && typed.trim() === target;
    } finally {
      signal.removeEventListener('abort', onAbort);
      cancel.dispose();
    }
  }

  paused(trip: TripInfo): void {
    const resume = 'Resume Agents';
    void vscode.window
      .showWarningMessage(
        `Agent Guard paused agents: ${trip.count} risky requests within ${trip.windowSeconds} s. Every risky action is denied until you run "${RESUME_COMMAND_TITLE}".`,
        resume,
      )
      .then((choice) => {
        if (choice === resume) void vscode.commands.executeCommand(RESUME_COMMAND_ID);
      });
  }

  tooLate(text: DialogText): void {
    void vscode.window.showInformationMessage(`Agent Guard: too late — "${text.message}" had already been denied because nobody answered in time. Ask the agent to try again.`);
  }
}
