/** Types of scripts/activation-time.mjs for the TypeScript E2E suite that calls it. */
export interface LogFile {
  readonly file: string;
  readonly text: string;
}
export interface RunningExtensionActivation {
  readonly activation: string;
  readonly detail: string;
  /** Every row of the Running Extensions editor, the hello-world baseline among them. */
  readonly rows?: ReadonlyArray<{ readonly name: string; readonly activation: string }>;
}
export interface HostActivation {
  readonly host: string;
  readonly version?: string;
  readonly activateMs?: number;
  readonly activatedAt?: string;
  readonly activationEvent?: string;
  readonly startup?: boolean;
  readonly activateStartedAt?: string;
  readonly hostStartToActivatedMs?: number;
  /** Loading the features bundle right after activation (not in VS Code's activation time). */
  readonly featuresMs?: number;
}
export interface ActivationReport {
  readonly extensionId: string;
  readonly measuredAt: string;
  readonly activateMs: number | null;
  readonly hostStartToActivatedMs: number | null;
  readonly featuresMs: number | null;
  readonly vscodeActivationMs: number | null;
  /** The same figure of the hello-world extension activated by the same event in the same host. */
  readonly baselineActivationMs: number | null;
  readonly vscodeRunningExtensions: RunningExtensionActivation | null;
  readonly hosts: readonly HostActivation[];
}
export function activationReport(logs: readonly LogFile[], extensionId: string, runningExtensions: RunningExtensionActivation | undefined): ActivationReport;
export const BASELINE_DISPLAY_NAME: string;
export function collectLogs(logsDir: string, extensionId: string): LogFile[];
export function writeReport(report: ActivationReport, outFile: string): string;
