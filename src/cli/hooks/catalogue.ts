/**
 * What a tool call does, whichever agent sent it. One catalogue for all agents because several agents read the
 * same hook files (VS Code runs Claude's and Copilot CLI's hooks; Copilot CLI runs VS Code's), so any adapter
 * may see any agent's tool names. Names are matched exactly; a name that is not here is unknown, and an
 * unknown tool is never allowed silently: the hook asks a person (see judge.ts).
 */
import type { EditOp } from '../../core/policy/types';
import { commandText, isObject, obj, str, strings, type Json } from './payload';
import { looksLikePatch, patchTargets } from './patch';

/** A path as the agent gave it (maybe relative to the call's cwd). */
export interface RawEdit {
  readonly path: string;
  readonly op: EditOp;
  /**
   * The text the call writes into the file, where the tool says it (a whole new file, or only the replacement or
   * the added lines of an edit): lets the core explain a change that switches an agent's approvals off.
   */
  readonly content?: string;
}

export type Classification =
  | { readonly kind: 'read-only' }
  | { readonly kind: 'actions'; readonly commands: ReadonlyArray<{ readonly command: string; readonly cwd?: string }>; readonly edits: readonly RawEdit[] }
  | { readonly kind: 'unknown'; readonly summary: string }
  /** A known tool whose input names files in a way that cannot be read (a patch header, a `cd` to an unknown place): a person looks. */
  | { readonly kind: 'unreadable'; readonly problem: string; readonly summary: string }
  /** A known tool whose input lacks what it needs (no command, no path): the call cannot be judged. */
  | { readonly kind: 'malformed'; readonly problem: string };

const PATH_FIELDS = ['file_path', 'filePath', 'path', 'notebook_path', 'notebookPath', 'target_file', 'targetFile', 'absolute_path', 'filename', 'file', 'uri', 'dirPath', 'dir_path'];
const COMMAND_FIELDS = ['command', 'cmd', 'commandLine', 'command_line', 'script'];
const CWD_FIELDS = ['cwd', 'dir_path', 'directory', 'workdir', 'working_directory', 'workingDirectory'];
const PATCH_FIELDS = ['input', 'patch', 'command', 'diff'];
/** Fields holding the new text of a file or of the edited part: Write/create/write_file content, Copilot CLI's file_text, Edit's new_string, VS Code's newString and code, NotebookEdit's new_source. */
const CONTENT_FIELDS = ['content', 'file_text', 'contents', 'text', 'code', 'new_string', 'newString', 'new_str', 'new_source', 'newSource', 'insert_text', 'new_text', 'newText'];

/** The replacement halves of SEARCH/REPLACE blocks (Cline's replace_in_file, Roo's apply_diff). */
function replaceBlocks(diff: string): string | undefined {
  const out: string[] = [];
  let inReplace = false;
  for (const line of diff.split(/\r?\n/)) {
    if (/^=======\s*$/.test(line)) inReplace = true;
    else if (/^>{5,}\s*REPLACE/.test(line)) inReplace = false;
    else if (/^<{5,}\s*SEARCH/.test(line)) inReplace = false;
    else if (inReplace) out.push(line);
  }
  return out.length > 0 ? out.join('\n') : undefined;
}

/** What a one-file write tool puts into the file, when its input says. */
function contentOf(input: Json): string | undefined {
  const direct = CONTENT_FIELDS.map((k) => input[k]).find((v): v is string => typeof v === 'string');
  if (direct !== undefined) return direct;
  const edits = input['edits'];
  if (Array.isArray(edits)) {
    const parts = edits.filter(isObject).map((e) => str(e, 'new_string', 'newString', 'new_str')).filter((t): t is string => t !== undefined);
    if (parts.length > 0) return parts.join('\n');
  }
  const diff = str(input, 'diff');
  return diff !== undefined ? replaceBlocks(diff) : undefined;
}

function edit(path: string, op: EditOp, content: string | undefined): RawEdit {
  return content !== undefined && op === 'write' ? { path, op, content } : { path, op };
}

/** Tools that neither write files nor run anything outside the agent: reads, searches, plans, questions. */
const READ_ONLY = new Set<string>([
  // Claude Code
  'Read', 'Glob', 'Grep', 'LS', 'WebFetch', 'WebSearch', 'TodoWrite', 'TodoRead', 'Task', 'Agent', 'ExitPlanMode',
  'EnterPlanMode', 'AskUserQuestion', 'BashOutput', 'TaskOutput', 'KillShell', 'KillBash', 'TaskStop', 'NotebookRead',
  'ListMcpResourcesTool', 'ReadMcpResourceTool', 'Skill', 'SlashCommand', 'ToolSearch',
  // VS Code / GitHub Copilot agent mode
  'read_file', 'list_dir', 'file_search', 'grep_search', 'semantic_search', 'get_errors', 'fetch_webpage',
  'get_terminal_output', 'terminal_selection', 'terminal_last_command', 'get_changed_files', 'list_code_usages',
  'manage_todo_list', 'think', 'get_task_output', 'test_failure', 'get_search_view_results', 'search_workspace_symbols',
  'get_vscode_api', 'get_project_setup_info', 'read_notebook_cell_output', 'copilot_getNotebookSummary', 'github_repo',
  'runSubagent', 'vscode_searchExtensions_internal', 'readFile', 'listDirectory', 'codebase', 'search', 'fetch',
  // Gemini CLI
  'read_many_files', 'list_directory', 'glob', 'search_file_content', 'google_web_search', 'web_fetch', 'save_memory',
  'write_todos', 'ask_user', 'enter_plan_mode', 'exit_plan_mode', 'activate_skill', 'codebase_investigator', 'get_internal_docs',
  // Copilot CLI
  'view', 'grep', 'rg', 'web_search', 'report_intent', 'update_todo', 'read_bash', 'stop_bash', 'bash_shutdown',
  'list_bash', 'read_powershell', 'stop_powershell', 'powershell_shutdown', 'list_powershell', 'task', 'list_agents',
  'read_agent', 'skill', 'show_file', 'fetch_copilot_cli_documentation', 'search_code_subagent', 'store_memory',
  'task_complete', 'propose_work', 'lsp', 'exit_plan_mode', 'tool_search_tool_regex',
  // Cline
  'list_files', 'search_files', 'list_code_definition_names', 'browser_action', 'access_mcp_resource',
  'ask_followup_question', 'plan_mode_respond', 'act_mode_respond', 'focus_chain', 'condense', 'summarize_task',
  'load_mcp_documentation', 'generate_explanation', 'search_subagent', 'new_task', 'report_bug',
  // Cline CLI 3 (its SDK's tools; spawn_agent and team_* start agents whose own calls reach the hook)
  'read_files', 'search_codebase', 'fetch_web_content', 'ask_question', 'skills', 'spawn_agent', 'team_spawn_teammate',
  'team_shutdown_teammate', 'team_status', 'team_task', 'team_run_task', 'team_cancel_run', 'team_list_runs',
  'team_await_runs', 'team_send_message', 'team_broadcast', 'team_read_mailbox', 'team_mission_log', 'team_cleanup',
  'team_create_outcome', 'team_attach_outcome_fragment', 'team_review_outcome_fragment', 'team_finalize_outcome',
  'team_list_outcomes',
  // Cursor (preToolUse)
  'Search', 'codebase_search', 'read_lints',
]);

/** Tools that run a shell command. */
const SHELL = new Set<string>([
  'Bash', 'run_in_terminal', 'runInTerminal', 'runTerminalCommand', 'run_shell_command', 'bash', 'powershell',
  'execute_command', 'Shell', 'shell', 'local_shell', 'exec_command', 'container.exec', 'run_terminal_cmd', 'terminal',
]);

/** Tools that write (create, overwrite, edit) one file named by a path field. */
const WRITE_ONE = new Set<string>([
  'Write', 'Edit', 'MultiEdit', 'NotebookEdit', 'create_file', 'replace_string_in_file', 'insert_edit_into_file',
  'edit_notebook_file', 'create_directory', 'write_file', 'replace', 'edit', 'create', 'str_replace', 'insert',
  'write_to_file', 'replace_in_file', 'new_rule', 'edit_file', 'search_replace', 'apply_diff', 'insert_content',
  'editFiles', 'createFile', 'append_to_file', 'create_new_jupyter_notebook', 'StrReplace', 'Create', 'Insert',
]);

/**
 * Anthropic-style text editors with a `command` (view, create, str_replace, insert, undo_edit): Copilot CLI's
 * str_replace_editor, the API's str_replace_based_edit_tool, Cline CLI's editor (which also edits without a command).
 */
const TEXT_EDITORS = new Set<string>(['str_replace_editor', 'str_replace_based_edit_tool', 'editor']);

/** What a `view` may carry; any other field (new text, old text, insert line) means the call may write. */
const VIEW_FIELDS = new Set<string>(['command', 'view_range', 'viewRange', 'max_characters', ...PATH_FIELDS]);

function isView(input: Json): boolean {
  return input['command'] === 'view' && Object.keys(input).every((k) => VIEW_FIELDS.has(k));
}

/** Tools that run a list of shell commands at once (Cline CLI 3's run_commands). */
const SHELL_LIST = new Set<string>(['run_commands']);

/** Tools that delete files named by a path field (or a list of them). */
const DELETE = new Set<string>(['Delete', 'delete_file', 'delete_files', 'DeleteFile', 'rm']);

/** Tools that apply a patch given as text. */
const PATCH = new Set<string>(['apply_patch', 'git_apply_patch', 'applyPatch', 'ApplyPatch']);

/**
 * Every path the input names, not only the first field: the tool writes the one it reads (`path` for Copilot CLI
 * and Cline, `file_path` for Claude and Gemini, `filePath` for VS Code), and a payload naming a harmless file in one
 * field and a protected one in another must not be judged by the harmless one.
 */
function pathsOf(input: Json): string[] {
  const named = PATH_FIELDS.map((k) => input[k]).filter((v): v is string => typeof v === 'string' && v.length > 0);
  const many = [...strings(input, 'paths'), ...strings(input, 'files'), ...strings(input, 'file_paths'), ...strings(input, 'filePaths')];
  return [...new Set([...named, ...many])];
}

function shellCall(tool: string, input: Json): Classification {
  // Copilot CLI's write_bash / write_powershell send text into a running shell: judge the text as a command
  const raw = tool.startsWith('write_') ? input['input'] : COMMAND_FIELDS.map((k) => input[k]).find((v) => v !== undefined);
  let command = commandText(raw);
  if (command === undefined) return { kind: 'malformed', problem: `${tool} call without a command` };
  if (tool.startsWith('write_')) command = command.replace(/\{(enter|up|down|left|right|backspace)\}/g, '\n');
  const cwd = str(input, ...CWD_FIELDS);
  const commands = [cwd !== undefined ? { command, cwd } : { command }];
  const patched = shellPatch(command);
  if (patched === 'unreadable') return { kind: 'unreadable', problem: 'apply_patch on a shell line whose patch or directory cannot be read', summary: summarize(tool, input) };
  // the rest of the line runs too: the command is judged as well as the files the patch writes
  return { kind: 'actions', commands, edits: patched };
}

/** `apply_patch` run on a shell line (as a program, not as text inside another word). */
const SHELL_APPLY_PATCH = /(?:^|[;&|(\n])\s*(?:apply_patch|applypatch)\b/;
/** A `cd` or `pushd` on the line: the directory the patch's relative paths may be taken from. */
const SHELL_CD = /(?:^|[;&|(\n])\s*(?:cd|pushd)\s+("[^"]*"|'[^']*'|[^\s;&|)]+)/g;

/**
 * The files a patch fed to `apply_patch` on a shell line writes (a heredoc: older Codex sends patches this way
 * through its shell tool, and runs `cd DIR && apply_patch …` too), each relative path taken from the call's
 * directory and from every directory a `cd` on the line moves to (the patch is judged for each place it could
 * land). 'unreadable' when a `cd` goes somewhere only known when the line runs, or the patch cannot be read.
 */
function shellPatch(command: string): RawEdit[] | 'unreadable' {
  if (!SHELL_APPLY_PATCH.test(command) || !looksLikePatch(command)) return [];
  const dirs = new Set<string>(['']);
  let current = '';
  for (const m of command.matchAll(SHELL_CD)) {
    const word = m[1] ?? '';
    const dir = /^(["']).*\1$/.test(word) ? word.slice(1, -1) : word;
    if (/[$`\\*?[{]/.test(dir) || (dir.startsWith('~') && dir !== '~' && !dir.startsWith('~/')) || dir === '-') return 'unreadable';
    current = dir.startsWith('/') || dir.startsWith('~') || current === '' ? dir : `${current}/${dir}`;
    dirs.add(dir);
    dirs.add(current);
  }
  const targets = patchTargets(command);
  if (targets === 'unreadable') return 'unreadable';
  const out: RawEdit[] = [];
  for (const t of targets) {
    const relative = !t.path.startsWith('/') && !t.path.startsWith('~') && !t.path.startsWith('file:');
    for (const d of relative ? dirs : ['']) out.push(edit(d === '' ? t.path : `${d.replace(/\/+$/, '')}/${t.path}`, t.op, t.added));
  }
  return out;
}

/**
 * Cline CLI's run_commands: `commands` is a list of command lines (each run through the shell) or of
 * `{command, args}` (run without a shell; `{command}` alone is a shell line), possibly JSON-encoded as one string (how Cline's `preToolUse.parameters`
 * carries it). Every entry is judged; an entry that is neither form makes the call malformed.
 */
function commandListCall(tool: string, input: Json): Classification {
  let list: unknown = input['commands'] ?? input['command'];
  if (typeof list === 'string' && list.trimStart().startsWith('[')) {
    try {
      list = JSON.parse(list);
    } catch {
      return { kind: 'malformed', problem: `${tool} call whose command list is not readable` };
    }
  }
  const entries: unknown[] = Array.isArray(list) ? list : [list];
  const commands: string[] = [];
  for (const e of entries) {
    // an entry with `args` runs without a shell; `{command}` alone is a shell line like a plain string
    const line = isObject(e) ? e['command'] : e;
    const args = isObject(e) ? e['args'] : undefined;
    const command = Array.isArray(args) ? commandText([line, ...(args as unknown[])]) : commandText(line);
    if (command === undefined) return { kind: 'malformed', problem: `${tool} call with an entry that is not a command` };
    commands.push(command);
  }
  if (commands.length === 0) return { kind: 'malformed', problem: `${tool} call without a command` };
  const cwd = str(input, ...CWD_FIELDS);
  return { kind: 'actions', commands: commands.map((command) => (cwd !== undefined ? { command, cwd } : { command })), edits: [] };
}

function patchCall(tool: string, input: Json | string): Classification {
  const text = typeof input === 'string' ? input : PATCH_FIELDS.map((k) => input[k]).find((v): v is string => typeof v === 'string');
  if (text === undefined) return { kind: 'malformed', problem: `${tool} call without patch text` };
  const targets = patchTargets(text);
  if (targets === 'unreadable' || targets.length === 0) return { kind: 'unreadable', problem: targets === 'unreadable' ? 'a patch header naming a file in a way Agent Guard cannot read' : 'a patch in a format Agent Guard cannot read', summary: summarize(tool, input) };
  return { kind: 'actions', commands: [], edits: targets.map((t) => edit(t.path, t.op, t.added)) };
}

function summarize(tool: string, input: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(input) ?? '';
  } catch {
    text = '';
  }
  return text.length > 200 ? `${tool} ${text.slice(0, 200)}…` : `${tool} ${text}`;
}

/**
 * Classifies one tool call. `input` is the tool's arguments object (a bare string for free-form patch tools).
 * A command or path with a NUL byte is malformed: no real one has it, and a shell reading its input drops it
 * (`r\0m -rf ~` reaches bash as `rm -rf ~`) where the judgement would see another word.
 */
export function classifyTool(tool: string, input: Json | string | undefined): Classification {
  const c = classifyInput(tool, input);
  if (c.kind === 'actions' && (c.commands.some((x) => x.command.includes('\u0000') || x.cwd?.includes('\u0000') === true) || c.edits.some((e) => e.path.includes('\u0000')))) {
    return { kind: 'malformed', problem: `${tool} call with a NUL byte in a command or path` };
  }
  return c;
}

function classifyInput(tool: string, input: Json | string | undefined): Classification {
  if (READ_ONLY.has(tool)) return { kind: 'read-only' };
  if (PATCH.has(tool)) return input === undefined ? { kind: 'malformed', problem: `${tool} call without input` } : patchCall(tool, input);
  if (input === undefined || typeof input === 'string') {
    if (typeof input === 'string' && looksLikePatch(input)) return patchCall(tool, input);
    return SHELL.has(tool) || SHELL_LIST.has(tool) || WRITE_ONE.has(tool) || DELETE.has(tool)
      ? { kind: 'malformed', problem: `${tool} call without its arguments` }
      : { kind: 'unknown', summary: summarize(tool, input) };
  }
  if (SHELL.has(tool) || tool === 'write_bash' || tool === 'write_powershell') return shellCall(tool, input);
  if (SHELL_LIST.has(tool)) return commandListCall(tool, input);
  if (TEXT_EDITORS.has(tool)) {
    if (isView(input)) return { kind: 'read-only' };
    const paths = pathsOf(input);
    const content = contentOf(input);
    return paths.length > 0 ? { kind: 'actions', commands: [], edits: paths.map((p) => edit(p, 'write', content)) } : { kind: 'malformed', problem: `${tool} call without a path` };
  }
  if (tool === 'multi_replace_string_in_file') {
    const list = input['replacements'];
    const paths = Array.isArray(list) ? list.filter(isObject).map((r) => str(r, ...PATH_FIELDS)).filter((p): p is string => p !== undefined) : [];
    if (paths.length === 0 || !Array.isArray(list) || paths.length !== list.length) return { kind: 'malformed', problem: `${tool} call with a replacement that names no file` };
    const replacements = list.filter(isObject);
    return {
      kind: 'actions',
      commands: [],
      edits: [...new Set(paths)].map((p) => {
        const parts = replacements.filter((r) => str(r, ...PATH_FIELDS) === p).map((r) => str(r, 'newString', 'new_string')).filter((t): t is string => t !== undefined);
        return edit(p, 'write', parts.length > 0 ? parts.join('\n') : undefined);
      }),
    };
  }
  if (tool === 'create_and_run_task') {
    const task = obj(input, 'task');
    const command = task ? commandText(task['command']) : undefined;
    if (!task || command === undefined) return { kind: 'malformed', problem: `${tool} call without a task command` };
    const args = Array.isArray(task['args']) ? (task['args'] as unknown[]).filter((a): a is string => typeof a === 'string') : [];
    return { kind: 'actions', commands: [{ command: [command, ...args.map((a) => commandText([a]) ?? '')].join(' ') }], edits: [] };
  }
  if (tool === 'attempt_completion') {
    // Cline runs the optional `command` to show the result
    const command = str(input, 'command');
    return command ? { kind: 'actions', commands: [{ command }], edits: [] } : { kind: 'read-only' };
  }
  if (WRITE_ONE.has(tool) || DELETE.has(tool)) {
    const paths = pathsOf(input);
    if (paths.length === 0) return { kind: 'malformed', problem: `${tool} call without a file path` };
    const op: EditOp = DELETE.has(tool) ? 'delete' : 'write';
    // with several paths the text may go to any of them: each is judged with it (it only adds explanations)
    const content = contentOf(input);
    return { kind: 'actions', commands: [], edits: paths.map((p) => edit(p, op, content)) };
  }
  if (tool === 'rename_file' || tool === 'move_file' || tool === 'Move' || tool === 'Rename') {
    const from = str(input, 'source', 'from', 'old_path', 'oldPath', 'source_path', ...PATH_FIELDS);
    const to = str(input, 'destination', 'to', 'new_path', 'newPath', 'target', 'destination_path');
    if (!from || !to) return { kind: 'malformed', problem: `${tool} call without source and destination` };
    return { kind: 'actions', commands: [], edits: [{ path: from, op: 'rename' }, { path: to, op: 'write' }] };
  }
  return { kind: 'unknown', summary: summarize(tool, input) };
}
