/**
 * Problems in an open policy file, in the Problems view and under the text, at the line and column the loader
 * names — updated as the person types, cleared when the file is closed or deleted. Failing `tests` entries are
 * warnings on the entry's line.
 */
import * as vscode from 'vscode';
import type { PolicyDiagnostic } from '../../core/policy/diagnostics';
import type { PolicyDocuments } from './policyDocuments';
import { diagnosticRange } from './ranges';

export const DIAGNOSTIC_SOURCE = 'Agent Guard';

const SEVERITY: Record<PolicyDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toVscodeDiagnostic(d: PolicyDiagnostic, text: string): vscode.Diagnostic {
  const r = diagnosticRange(d, text);
  const diagnostic = new vscode.Diagnostic(new vscode.Range(r.startLine, r.startCharacter, r.endLine, r.endCharacter), d.message, SEVERITY[d.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  if (d.path !== '') diagnostic.code = d.path;
  return diagnostic;
}

export function registerPolicyDiagnostics(documents: PolicyDocuments): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('agent-guard-policy');
  const show = (doc: vscode.TextDocument): void => {
    const analysed = documents.get(doc);
    if (analysed === undefined) return;
    const text = doc.getText();
    collection.set(doc.uri, analysed.analysis.diagnostics.map((d) => toVscodeDiagnostic(d, text)));
  };
  return vscode.Disposable.from(
    collection,
    documents.onDidAnalyse(show),
    documents.onDidForget((uri) => collection.delete(uri)),
  );
}
