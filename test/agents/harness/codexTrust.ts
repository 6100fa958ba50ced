/**
 * Trusts Codex hooks the way a person does in Codex's `/hooks` ("Trust all"): ask Codex itself for each hook's
 * current hash (`codex app-server`, JSON-RPC `hooks/list`) and record it as `[hooks.state."<key>"] trusted_hash`
 * in `$CODEX_HOME/config.toml`. Codex then runs the hook without `--dangerously-bypass-hook-trust` — which is the
 * proof that `agent-guard doctor` checks the right entry.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';

interface ListedHook {
  readonly key: string;
  readonly currentHash: string;
  readonly trustStatus: string;
}

function listHooks(codex: string, cwd: string, env: Record<string, string>): Promise<ListedHook[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(codex, ['app-server'], { cwd, env, stdio: ['pipe', 'pipe', 'ignore'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('codex app-server did not answer hooks/list in 30 s'));
    }, 30_000);
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      let msg: { id?: number; result?: { data?: { hooks?: ListedHook[] }[] }; error?: unknown };
      try {
        msg = JSON.parse(line) as typeof msg;
      } catch {
        return;
      }
      if (msg.id !== 2) return;
      clearTimeout(timer);
      child.kill('SIGKILL');
      if (msg.error !== undefined || !msg.result?.data) reject(new Error(`hooks/list: ${line}`));
      else resolve(msg.result.data.flatMap((d) => d.hooks ?? []));
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    const send = (m: object): boolean => child.stdin.write(JSON.stringify({ jsonrpc: '2.0', ...m }) + '\n');
    send({ id: 1, method: 'initialize', params: { clientInfo: { name: 'agent-guard-tests', version: '1' } } });
    send({ method: 'initialized' });
    send({ id: 2, method: 'hooks/list', params: { cwds: [cwd] } });
  });
}

/** Records trust for every hook Codex lists as not trusted; returns their keys. */
export async function trustCodexHooks(codex: string, cwd: string, env: Record<string, string>, codexHome: string): Promise<string[]> {
  const hooks = (await listHooks(codex, cwd, env)).filter((h) => h.trustStatus !== 'trusted');
  const toml = hooks.map((h) => `\n[hooks.state.${JSON.stringify(h.key)}]\ntrusted_hash = ${JSON.stringify(h.currentHash)}\n`).join('');
  fs.appendFileSync(path.join(codexHome, 'config.toml'), toml);
  return hooks.map((h) => h.key);
}
