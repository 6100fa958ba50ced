/**
 * Read-only documents showing a snapshot's content, for `vscode.diff` (left: the protected copy, right: the file
 * now). The URI ends with the file's own name so the diff gets the right language; `absent` shows an empty
 * document, for a file that did not exist (left) or no longer exists (right).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SnapshotEntry, SnapshotStore } from './snapshotStore';

export const SNAPSHOT_SCHEME = 'agent-guard-snapshot';

export function snapshotUri(entry: SnapshotEntry | undefined, filePath: string): vscode.Uri {
  const id = entry?.hash ? String(entry.id) : 'absent';
  return vscode.Uri.from({ scheme: SNAPSHOT_SCHEME, path: `/${id}/${path.basename(filePath)}` });
}

export function registerSnapshotDocuments(store: () => SnapshotStore | undefined): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(SNAPSHOT_SCHEME, {
    provideTextDocumentContent(uri: vscode.Uri): string {
      const id = uri.path.split('/')[1];
      if (id === undefined || id === 'absent') return '';
      const entry = store()?.byId(Number(id));
      const bytes = entry ? store()?.read(entry) : undefined;
      if (bytes === undefined) return '(Agent Guard: this copy is no longer available)';
      return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    },
  });
}
