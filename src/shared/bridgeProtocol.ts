/**
 * The editor bridge: how `agent-guard hook <agent>` asks the Agent Guard extension of the right VS Code window to
 * let a person confirm a tool call. Pure types and constants, shared by the CLI (client) and the extension
 * (server); no I/O here.
 *
 * Discovery. The extension publishes one runtime file per workspace root in a per-user runtime directory:
 *   - `$XDG_RUNTIME_DIR/agent-guard/` when XDG_RUNTIME_DIR is set (Linux sessions), else
 *   - `$XDG_CACHE_HOME/agent-guard/run/` or `~/.cache/agent-guard/run/` (Linux, other Unix),
 *   - `~/Library/Caches/agent-guard/run/` (macOS), `%LOCALAPPDATA%\agent-guard\run\` (Windows).
 * The directory is created with mode 0700 and each file with mode 0600; a client refuses a directory or file
 * that is not owned by the current user or is readable or writable by group or others.
 * The file name is `<rootKey>.json`, where `rootKey` = the first {@link ROOT_KEY_LENGTH} hex characters of
 * SHA-256 over the UTF-8 bytes of the normalised absolute workspace root (resolved, no trailing separator,
 * lower-cased on Windows). Its content is a {@link RuntimeFile}.
 *
 * Transport. A Unix domain socket (a named pipe on Windows) whose path is in the runtime file. Messages are
 * single-line JSON objects terminated by `\n`, at most {@link MAX_MESSAGE_BYTES} bytes each. The client sends
 * one request and reads one response; either side closes afterwards. Every request carries the token from the
 * runtime file; the server answers `{type:"error"}` and closes when the token does not match (compare in
 * constant time).
 *
 * Reports. A hook that decided WITHOUT asking the person (the policy allowed or denied the call, or a confirm fell
 * back to the agent's own "ask" because the editor could not be asked) may send one {@link ReportRequest} so the
 * editor records the decision in its ledger and audit log. Reports are best effort and never change an answer:
 * the hook has already answered its agent, sends a report only when a runtime file exists for the root, and
 * gives up after {@link REPORT_BUDGET_MS}. The server acknowledges with `{type:"ack"}` (an older server answers
 * `{type:"error"}`, which the hook ignores).
 *
 * Timing. A confirm request carries `deadline` (epoch milliseconds): the hook must answer its agent before the
 * agent's own hook timeout, so it stops waiting at that moment and falls back by itself (the agent's own "ask"
 * where honoured, else deny with how to approve). The server should close its dialog when the deadline passes.
 */
import type { Decision, Risk, Verdict } from '../core/verdict';

export const BRIDGE_PROTOCOL_VERSION = 1;

/** Directory name under the runtime base directory (see the module comment). */
export const RUNTIME_DIR_NAME = 'agent-guard';
/** Sub-directory used when the base is a cache directory rather than XDG_RUNTIME_DIR. */
export const RUNTIME_SUBDIR_IN_CACHE = 'run';
export const RUNTIME_FILE_EXTENSION = '.json';
export const ROOT_KEY_LENGTH = 16;
export const RUNTIME_DIR_MODE = 0o700;
export const RUNTIME_FILE_MODE = 0o600;
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** How long a person gets to answer the dialog when the installer wrote the agent's hook timeout. */
export const DEFAULT_CONFIRM_WAIT_SECONDS = 120;

/** The longest a hook waits for the editor to acknowledge a report (it has already answered its agent). */
export const REPORT_BUDGET_MS = 100;

/** What the extension publishes for one workspace root. */
export interface RuntimeFile {
  readonly version: number;
  /** Absolute workspace root this window guards. */
  readonly root: string;
  /** Socket path (Unix) or named pipe path (Windows). */
  readonly socket: string;
  /** Random secret, at least 32 hex characters; proves the client may read the runtime file. */
  readonly token: string;
  /** Process id of the extension host, to tell a stale file from a live one. */
  readonly pid: number;
  /** ISO time the file was written. */
  readonly createdAt: string;
  /** e.g. `Visual Studio Code 1.100.3`, shown by `agent-guard doctor`. */
  readonly editor?: string;
}

/** One thing the agent is about to do, as the hook understood it. */
export type GuardedAction =
  | { readonly kind: 'command'; readonly command: string; readonly cwd: string }
  | { readonly kind: 'edit'; readonly path: string; readonly op: 'write' | 'delete' | 'rename' }
  | { readonly kind: 'tool'; readonly tool: string; readonly summary: string };

export interface ConfirmRequest {
  readonly type: 'confirm';
  readonly version: number;
  readonly token: string;
  /** Random id echoed in the answer. */
  readonly id: string;
  /** Agent id as in `agent-guard hook <agent>`, e.g. `claude`. */
  readonly agent: string;
  /** The agent's tool name, e.g. `Bash`, `run_in_terminal`. */
  readonly tool: string;
  readonly root: string;
  readonly actions: readonly GuardedAction[];
  /** The verdict being confirmed (decision `confirm`); its reasons name the rules. */
  readonly verdict: Verdict;
  /** Epoch milliseconds after which the hook no longer waits. */
  readonly deadline: number;
}

export interface PingRequest {
  readonly type: 'ping';
  readonly version: number;
  readonly token: string;
  readonly id: string;
}

/**
 * What the hook answered its agent without a dialog: `defer` (no objection, the agent's own approval flow
 * decides), `allow` (auto-approve), `deny`, or `ask` (a confirm handed to the agent's own prompt).
 */
export type ReportedAnswer = 'defer' | 'allow' | 'ask' | 'deny';

/** A decision the hook made by itself, for the editor's ledger (see "Reports" above). */
export interface ReportRequest {
  readonly type: 'report';
  readonly version: number;
  readonly token: string;
  readonly id: string;
  readonly agent: string;
  readonly tool: string;
  readonly root: string;
  readonly actions: readonly GuardedAction[];
  readonly verdict: Verdict;
  readonly answer: ReportedAnswer;
  /** Why a confirm was not put to the person in the editor (e.g. the editor refused the request). */
  readonly detail?: string;
}

export type BridgeRequest = ConfirmRequest | PingRequest | ReportRequest;

/** The person's answer. `deny` may carry what the person typed as a reason. */
export interface AnswerResponse {
  readonly type: 'answer';
  readonly id: string;
  readonly answer: 'allow' | 'deny';
  readonly message?: string;
}

export interface PongResponse {
  readonly type: 'pong';
  readonly id: string;
  readonly version: number;
  readonly editor?: string;
}

export interface ErrorResponse {
  readonly type: 'error';
  readonly id?: string;
  readonly error: string;
}

/** The server received a report. */
export interface AckResponse {
  readonly type: 'ack';
  readonly id: string;
}

export type BridgeResponse = AnswerResponse | PongResponse | ErrorResponse | AckResponse;

/** What the client reports to the hook. */
export type BridgeOutcome =
  | { readonly kind: 'allow' }
  | { readonly kind: 'deny'; readonly message?: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'absent'; readonly detail: string };

/** Re-exported so the extension can type its dialog without importing the core twice. */
export type { Decision, Risk, Verdict };
