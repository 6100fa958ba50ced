/**
 * The files that decide what a coding agent may do without asking, and Agent Guard's own files. An agent that
 * can rewrite them can switch its own approvals off, remove the guard's hooks, or plant a task that runs on
 * folder open — so changing them needs a person.
 *
 * The globs start with `**` and a slash rather than `~/` on purpose: they then match in the workspace (at any depth, so a
 * monorepo's nested folders count) AND under the home directory, whether or not the guard was told where home
 * is (`~/` globs need `home` when the policy is compiled). Home-only places (VS Code's user settings, Cline's
 * hooks folder) are spelled with enough of their path to be unambiguous.
 */

export interface ProtectedPathGroup {
  readonly id: string;
  readonly globs: readonly string[];
  readonly message: string;
  /** See ProtectedPath.perUser. */
  readonly perUser?: boolean;
}

/** VS Code and its forks keep user settings in `<config>/<Product>/User/` (Linux `~/.config`, macOS `~/Library/Application Support`). */
const VSCODE_PRODUCTS = '{Code,Code - Insiders,Code - OSS,VSCodium,Cursor,Windsurf,code-server}';

export const AGENT_CONFIG_PATHS: readonly ProtectedPathGroup[] = [
  {
    id: 'path.agent-config',
    globs: [
      // VS Code workspace: settings can switch on auto-approve, tasks with runOn: folderOpen run code, launch configs run programs
      '**/.vscode/settings.json',
      '**/.vscode/tasks.json',
      '**/.vscode/launch.json',
      '**/*.code-workspace',
      // VS Code user and remote-machine settings
      `**/${VSCODE_PRODUCTS}/User/settings.json`,
      `**/${VSCODE_PRODUCTS}/User/tasks.json`,
      '**/.vscode-server/data/Machine/settings.json',
      '**/.vscode-server/data/User/settings.json',
      '**/.local/share/code-server/User/settings.json',
      // Claude Code (project and user)
      '**/.claude/settings*.json',
      // VS Code agent hooks and Copilot CLI hooks share .github/hooks
      '**/.github/hooks/**',
      // Cursor
      '**/.cursor/hooks.json',
      // Codex (project and ~/.codex: config.toml holds approval_policy and sandbox_mode)
      '**/.codex/**',
      // Gemini CLI
      '**/.gemini/settings.json',
      // Cline (the VS Code extension; the Cline CLI also runs hooks from .cline/hooks in the workspace and home)
      '**/.clinerules/hooks/**',
      '**/Documents/Cline/Hooks/**',
      '**/.cline/hooks/**',
      // Copilot CLI (~/.copilot/config.json holds trusted folders and allowed tools)
      '**/.copilot/**',
    ],
    message: 'This file decides what a coding agent may do without asking (approvals, hooks, tasks that run on their own); an agent must not change its own permissions or remove the guard\'s hooks without a person.',
  },
  {
    id: 'path.guard-files',
    globs: [
      // user policy (also when the guard does not know the home directory), runtime files and audit log
      '**/.config/agent-guard/**',
      '**/.cache/agent-guard/**',
      '**/.local/state/agent-guard/**',
      '**/.local/share/agent-guard/**',
      '**/Library/Caches/agent-guard/**',
      '**/Library/Application Support/agent-guard/**',
      '/run/user/*/agent-guard/**',
    ],
    message: 'This is one of Agent Guard\'s own files (policy, runtime bridge, audit log); an agent must not change or remove its own guard.',
    perUser: true,
  },
];
