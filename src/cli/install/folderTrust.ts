/**
 * Folder trust that decides whether an agent runs a workspace's hooks at all — without it the agent skips them
 * and says nothing, so `doctor` must. Read from where the agents record a person's "trust this folder" answer
 * (checked against the real agents by `npm run test:agents`):
 *  - Gemini CLI 0.61: `~/.gemini/trustedFolders.json` (`GEMINI_CLI_TRUSTED_FOLDERS_PATH`), `{ "<path>": "TRUST_FOLDER"
 *    | "TRUST_PARENT" | "DO_NOT_TRUST" }`, longest matching rule wins, TRUST_PARENT trusts the rule path's parent;
 *    `GEMINI_CLI_TRUST_WORKSPACE=true` trusts every folder; `security.folderTrust.enabled: false` in the user
 *    settings switches the check off.
 *  - Copilot CLI 1.0.102: `trustedFolders` in `$COPILOT_HOME/config.json` (JSON with comments);
 *    `COPILOT_ALLOW_ALL=true` trusts every folder.
 */
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { isObject } from '../hooks/payload';
import { readIfExists } from './apply';
import { parseJsonc } from './jsoncFile';

type Env = Readonly<Record<string, string | undefined>>;

function within(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function readJson(file: string): unknown {
  const text = readIfExists(file);
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return parseJsonc(text, file);
  } catch {
    return undefined;
  }
}

export interface FolderTrust {
  readonly trusted: boolean;
  /** Where the answer came from, for the report. */
  readonly source: string;
}

export function geminiFolderTrust(home: string, env: Env, folder: string): FolderTrust {
  if (env['GEMINI_CLI_TRUST_WORKSPACE'] === 'false' || env['GEMINI_RESTRICTED_MODE'] === 'true') return { trusted: false, source: 'environment' };
  if (env['GEMINI_CLI_TRUST_WORKSPACE'] === 'true') return { trusted: true, source: 'GEMINI_CLI_TRUST_WORKSPACE=true' };
  const settings = readJson(join(home, '.gemini', 'settings.json'));
  const security = isObject(settings) ? settings['security'] : undefined;
  const folderTrust = isObject(security) ? security['folderTrust'] : undefined;
  if (isObject(folderTrust) && folderTrust['enabled'] === false) return { trusted: true, source: 'folder trust switched off in ~/.gemini/settings.json' };
  const file = env['GEMINI_CLI_TRUSTED_FOLDERS_PATH'] || join(home, '.gemini', 'trustedFolders.json');
  const rules = readJson(file);
  let best: { length: number; level: unknown } | undefined;
  if (isObject(rules)) {
    for (const [rulePath, level] of Object.entries(rules)) {
      const effective = level === 'TRUST_PARENT' ? dirname(rulePath) : rulePath;
      if (within(resolve(folder), resolve(effective)) && (!best || rulePath.length > best.length)) best = { length: rulePath.length, level };
    }
  }
  const trusted = best?.level === 'TRUST_FOLDER' || best?.level === 'TRUST_PARENT';
  return { trusted, source: file };
}

export function copilotFolderTrust(copilotHome: string, env: Env, folder: string): FolderTrust {
  if (env['COPILOT_ALLOW_ALL'] === 'true') return { trusted: true, source: 'COPILOT_ALLOW_ALL=true' };
  const file = join(copilotHome, 'config.json');
  const config = readJson(file);
  const list = isObject(config) ? config['trustedFolders'] : undefined;
  const trusted = Array.isArray(list) && list.some((f) => typeof f === 'string' && within(resolve(folder), resolve(f)));
  return { trusted, source: file };
}
