/**
 * One bridge server (src/cli/bridge/server.ts) per workspace folder of this window, so a hook running in that
 * folder reaches this window's person. Each server has its own random token and runtime file; folders added or
 * removed start or stop theirs; disposing removes every runtime file at once (synchronously) and closes the
 * sockets. No `vscode` import: the caller passes the folders.
 */
import { startBridgeServer, type BridgeServer, type ConfirmHandler, type ReportHandler } from '../../cli/bridge/server';
import { normalizeRoot } from '../../cli/bridge/runtimeFile';

export interface BridgeHostsOptions {
  readonly onConfirm: ConfirmHandler;
  readonly onReport: ReportHandler;
  /** Shown by `agent-guard doctor`, e.g. `Visual Studio Code 1.100.3`. */
  readonly editor?: string;
  /** Runtime directory override (tests); by default the one the hooks compute from the environment. */
  readonly runtimeDir?: string;
  readonly log?: (line: string) => void;
}

export class BridgeHosts {
  private readonly servers = new Map<string, Promise<BridgeServer | undefined>>();
  /** Servers that are up, so dispose can remove their runtime files synchronously. */
  private readonly up = new Set<BridgeServer>();
  private disposed = false;

  constructor(private readonly options: BridgeHostsOptions) {}

  /** Serves exactly these folders: starts servers for new ones, stops those no longer open. */
  async sync(roots: readonly string[]): Promise<void> {
    if (this.disposed) return;
    const wanted = new Map(roots.map((r) => [normalizeRoot(r), r] as const));
    const stopping: Array<Promise<void>> = [];
    for (const [key, server] of this.servers) {
      if (wanted.has(key)) continue;
      this.servers.delete(key);
      stopping.push(server.then((s) => this.close(s)));
    }
    const starting: Array<Promise<unknown>> = [];
    for (const [key, root] of wanted) {
      if (this.servers.has(key)) continue;
      const started = this.start(root);
      this.servers.set(key, started);
      starting.push(started);
    }
    await Promise.all([...stopping, ...starting]);
  }

  /**
   * Publishes again the runtime file of every folder whose file is gone (the same folder was open in another
   * window, which took it over and then closed), so hooks reach this window again. Returns those folders.
   */
  republishMissing(): string[] {
    if (this.disposed) return [];
    const again: string[] = [];
    for (const server of this.up) {
      try {
        if (server.republishIfMissing()) again.push(server.runtimeFile);
      } catch (e) {
        this.options.log?.(`confirmations: could not publish ${server.runtimeFile} again: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    for (const file of again) this.options.log?.(`confirmations: published ${file} again (another window had taken the folder over)`);
    return again;
  }

  /** The running servers' runtime files, by folder (for tests and the log). */
  async runtimeFiles(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const [key, server] of this.servers) {
      const s = await server;
      if (s) out.set(key, s.runtimeFile);
    }
    return out;
  }

  /** Removes every runtime file now and closes the sockets; servers still starting close as soon as they are up. */
  dispose(): Promise<void> {
    this.disposed = true;
    const all = [...this.servers.values()];
    this.servers.clear();
    // close() removes the runtime file before its first await: no hook finds a dead window after this line
    const closing = [...this.up].map((s) => this.close(s));
    return Promise.all([...closing, ...all.map((server) => server.then((s) => this.close(s)))]).then(() => undefined);
  }

  private async close(server: BridgeServer | undefined): Promise<void> {
    if (!server || !this.up.delete(server)) return;
    await server.close();
  }

  /** Starts one server; whoever drops it from the map (sync, dispose) closes it once it is up. */
  private async start(root: string): Promise<BridgeServer | undefined> {
    try {
      const server = await startBridgeServer({
        root,
        onConfirm: this.options.onConfirm,
        onReport: this.options.onReport,
        ...(this.options.editor !== undefined ? { editor: this.options.editor } : {}),
        ...(this.options.runtimeDir !== undefined ? { runtimeDir: this.options.runtimeDir } : {}),
      });
      this.up.add(server);
      this.options.log?.(`confirmations for ${root}: listening (${server.runtimeFile})`);
      return server;
    } catch (e) {
      // not retried until the folder is opened again; hooks fall back to the agent's own prompt meanwhile
      this.options.log?.(`confirmations for ${root} are unavailable: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }
}
