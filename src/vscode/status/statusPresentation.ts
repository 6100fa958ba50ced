/**
 * What the status-bar item shows for a ledger snapshot: its text (icon, risk, counts), its background (only the
 * two theme colours VS Code allows for status-bar items), its tooltip (trusted Markdown with the last decisions)
 * and its screen-reader label. Pure: the look of every state is unit-tested from a snapshot alone.
 */
import type { Risk } from '../../core/verdict';
import { entryIcon } from '../audit/auditPresentation';
import type { LedgerSnapshot } from '../session/ledger';
import { escapeMarkdown, oneLine } from './markdownText';

export type StatusBackground = 'statusBarItem.warningBackground' | 'statusBarItem.errorBackground';

export interface StatusLook {
  readonly text: string;
  readonly background: StatusBackground | undefined;
  /** Markdown for a MarkdownString with `supportThemeIcons` and the commands in {@link TOOLTIP_COMMANDS} trusted. */
  readonly tooltip: string;
  readonly accessibilityLabel: string;
}

export const SHOW_AUDIT_LOG_COMMAND = 'agentGuard.showAuditLog';
export const RESUME_AGENTS_COMMAND = 'agentGuard.resumeAgents';
export const REPAIR_PROTECTION_COMMAND = 'agentGuard.repairProtection';
/** The only command links the tooltip may run. */
export const TOOLTIP_COMMANDS = [SHOW_AUDIT_LOG_COMMAND, RESUME_AGENTS_COMMAND, REPAIR_PROTECTION_COMMAND] as const;

/** How many of the snapshot's recent decisions the tooltip lists. */
export const TOOLTIP_DECISIONS = 5;

const RISK_LABELS: Record<Risk, string> = {
  none: 'No risk',
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
  critical: 'Critical risk',
};

export function riskBackground(risk: Risk): StatusBackground | undefined {
  if (risk === 'critical') return 'statusBarItem.errorBackground';
  if (risk === 'medium' || risk === 'high') return 'statusBarItem.warningBackground';
  return undefined;
}

/** `2 held · 1 denied`, only the non-zero counts; empty when nothing was held or denied. */
export function countsText(snapshot: Pick<LedgerSnapshot, 'held' | 'denied'>): string {
  return [snapshot.held > 0 ? `${snapshot.held} held` : '', snapshot.denied > 0 ? `${snapshot.denied} denied` : '']
    .filter((part) => part !== '')
    .join(' · ');
}

export function statusLook(snapshot: LedgerSnapshot, formatTime: (iso: string) => string): StatusLook {
  const counts = countsText(snapshot);
  const risk = RISK_LABELS[snapshot.risk];
  const { protection } = snapshot;
  const [icon, headline, background]: [string, string, StatusBackground | undefined] =
    protection.kind === 'paused' ? ['$(debug-pause)', 'Agents paused', 'statusBarItem.errorBackground']
      : protection.kind === 'unprotected' ? ['$(workspace-untrusted)', 'Unprotected', 'statusBarItem.errorBackground']
        : ['$(shield)', risk, riskBackground(snapshot.risk)];
  const text = [`${icon} ${headline}`, counts].filter((part) => part !== '').join(' · ');
  const state = protection.kind === 'protected' ? '' : `${headline}: ${protection.detail}. `;
  const accessibilityLabel = `Agent Guard: ${state}${risk} this session${counts === '' ? '' : `, ${counts}`}. Click to show the audit log.`;
  return { text, background, tooltip: tooltip(snapshot, risk, counts, formatTime), accessibilityLabel };
}

function tooltip(snapshot: LedgerSnapshot, risk: string, counts: string, formatTime: (iso: string) => string): string {
  const { protection } = snapshot;
  const state =
    protection.kind === 'paused'
      ? `$(debug-pause) **Agents paused:** ${escapeMarkdown(protection.detail)}. [Resume Agents](command:${RESUME_AGENTS_COMMAND})`
      : protection.kind === 'unprotected'
        ? `$(workspace-untrusted) **Unprotected:** ${escapeMarkdown(protection.detail)}. [Repair Agent Hooks](command:${REPAIR_PROTECTION_COMMAND})`
        : '$(shield) Agents are checked before they act.';
  const lines = [
    `**Agent Guard** · ${risk} this session${counts === '' ? '' : ` · ${counts}`}`,
    '',
    state,
    '',
  ];
  const recent = snapshot.recent.slice(0, TOOLTIP_DECISIONS);
  if (recent.length === 0) {
    lines.push('No agent actions judged yet.');
  } else {
    lines.push('Last decisions:', '');
    for (const entry of recent) {
      const rules = entry.rules.length === 0 ? '' : ` · ${escapeMarkdown(entry.rules.join(', '))}`;
      lines.push(
        `- $(${entryIcon(entry).id}) ${escapeMarkdown(formatTime(entry.time))} **${entry.outcome}** (${entry.decision}, ${entry.risk}) · ` +
          `${escapeMarkdown(entry.agent)}: ${escapeMarkdown(oneLine(entry.subject, 80))}${rules}`,
      );
    }
  }
  lines.push('', `[Show Audit Log](command:${SHOW_AUDIT_LOG_COMMAND})`);
  return lines.join('\n');
}
