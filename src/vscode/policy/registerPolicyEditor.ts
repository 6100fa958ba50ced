/**
 * Everything the editor adds to a policy file: live diagnostics, the hover that explains rules, and the code
 * lenses with each rule's and test's verdict. Registered at activation; nothing is read or analysed until a
 * policy file is open.
 */
import * as vscode from 'vscode';
import { EXPLAIN_COMMAND_ID } from '../commands/explain';
import type { Services } from '../services';
import { registerHasPolicyContext } from './hasPolicyContext';
import { policyHoverAt } from './hoverContent';
import { policyLenses } from './lensContent';
import { registerPolicyDiagnostics } from './policyDiagnostics';
import { PolicyDocuments } from './policyDocuments';

/** Policy files by name; the providers check the exact path (`.vscode/agent-guard.json` or the user policy). */
const SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', pattern: '**/.vscode/agent-guard.json' },
  { scheme: 'file', pattern: '**/agent-guard/policy.json' },
];

export function registerPolicyEditor(_services: Services): vscode.Disposable {
  const documents = new PolicyDocuments();
  const lensesChanged = new vscode.EventEmitter<void>();
  const hover: vscode.HoverProvider = {
    provideHover(doc, position) {
      const analysed = documents.get(doc);
      if (analysed === undefined) return undefined;
      const content = policyHoverAt(doc.getText(), doc.offsetAt(position), analysed.analysis, vscode.workspace.isTrusted || analysed.context.layer === 'user');
      if (content === undefined) return undefined;
      const range = new vscode.Range(doc.positionAt(content.offset), doc.positionAt(content.offset + content.length));
      return new vscode.Hover(new vscode.MarkdownString(content.markdown), range);
    },
  };
  const lenses: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: lensesChanged.event,
    provideCodeLenses(doc) {
      const analysed = documents.get(doc);
      if (analysed === undefined) return [];
      return policyLenses(analysed.analysis, vscode.workspace.isTrusted || analysed.context.layer === 'user').map((lens) => {
        const line = Math.min(lens.line, doc.lineCount - 1);
        const command: vscode.Command = lens.explain === undefined
          ? { title: lens.title, tooltip: lens.tooltip, command: '' }
          : { title: lens.title, tooltip: `${lens.tooltip} — click to explain`, command: EXPLAIN_COMMAND_ID, arguments: [lens.explain, 'policy lens'] };
        return new vscode.CodeLens(doc.lineAt(line).range, command);
      });
    },
  };
  // analyse what is already open once activation is over
  const initial = setTimeout(() => documents.refreshAll(), 0);
  return vscode.Disposable.from(
    documents,
    lensesChanged,
    registerPolicyDiagnostics(documents),
    documents.onDidAnalyse(() => lensesChanged.fire()),
    vscode.languages.registerHoverProvider(SELECTOR, hover),
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    registerHasPolicyContext(),
    { dispose: () => clearTimeout(initial) },
  );
}
