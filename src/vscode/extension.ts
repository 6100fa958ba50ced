/**
 * The extension's entry point, kept tiny on purpose: VS Code counts loading this bundle and running `activate`
 * as the extension's activation time. `activate` creates the log, registers a stand-in for every contributed
 * command, and returns; on the next turn of the event loop it loads the features bundle
 * (`dist/extension-features.js`, see features.ts), which registers the real commands, views and watchers.
 * A command invoked in between waits for the features and then runs the real one.
 */
import * as vscode from 'vscode';

type Features = typeof import('./features');

/** Loads the features bundle that esbuild writes beside this one. */
function loadFeatures(): Features {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./extension-features.js') as Features;
}

function contributedCommands(context: vscode.ExtensionContext): string[] {
  const manifest = context.extension.packageJSON as { contributes?: { commands?: Array<{ command?: unknown }> } };
  return (manifest.contributes?.commands ?? []).map((c) => c.command).filter((id): id is string => typeof id === 'string');
}

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Agent Guard', { log: true });
  context.subscriptions.push(log);
  const version = (context.extension.packageJSON as { version?: string }).version ?? '';

  let stand: vscode.Disposable[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    setImmediate(() => {
      const loading = performance.now();
      // the stand-ins make way for the real commands of the same ids
      for (const d of stand) d.dispose();
      stand = [];
      try {
        loadFeatures().activateFeatures(context, log);
        log.info(`Agent Guard features ready in ${(performance.now() - loading).toFixed(1)} ms`);
        resolve();
      } catch (error) {
        const message = error instanceof Error ? error.stack ?? error.message : String(error);
        log.error(`Agent Guard features failed to load: ${message}`);
        void vscode.window.showErrorMessage('Agent Guard could not start its editor features; agent hooks still judge every call, but confirmations fall back to the agents. See the Agent Guard log.');
        reject(error instanceof Error ? error : new Error(message));
      }
    });
  });
  ready.catch(() => undefined);
  stand = contributedCommands(context).map((id) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      await ready;
      return vscode.commands.executeCommand<unknown>(id, ...args);
    }),
  );
  context.subscriptions.push({
    dispose: () => {
      for (const d of stand) d.dispose();
    },
  });

  log.info(`Agent Guard ${version} activated in ${(performance.now() - started).toFixed(1)} ms`);
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}
