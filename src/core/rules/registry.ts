/**
 * Every rule pack, and the dispatch index from program name to the rules that look at it.
 */
import type { CommandRule, RulePack } from './rule';
import { agentsPack } from './packs/agents';
import { cloudPack } from './packs/cloud';
import { containersPack } from './packs/containers';
import { databasePack } from './packs/database';
import { filesystemPack } from './packs/filesystem';
import { gitPack } from './packs/git';
import { iacPack } from './packs/iac';
import { interpretersPack } from './packs/interpreters';
import { kubernetesPack } from './packs/kubernetes';
import { supplyChainPack } from './packs/supplyChain';
import { systemPack } from './packs/system';

export const ALL_PACKS: readonly RulePack[] = [
  filesystemPack,
  gitPack,
  iacPack,
  kubernetesPack,
  cloudPack,
  databasePack,
  containersPack,
  systemPack,
  supplyChainPack,
  interpretersPack,
  agentsPack,
];

export interface RuleIndex {
  readonly byProgram: ReadonlyMap<string, readonly CommandRule[]>;
  readonly anyProgram: readonly CommandRule[];
}

export function buildRuleIndex(packs: readonly RulePack[]): RuleIndex {
  const byProgram = new Map<string, CommandRule[]>();
  const anyProgram: CommandRule[] = [];
  for (const pack of packs) {
    for (const rule of pack.rules) {
      for (const p of rule.programs) {
        if (p === '*') anyProgram.push(rule);
        else {
          let list = byProgram.get(p);
          if (!list) byProgram.set(p, (list = []));
          list.push(rule);
        }
      }
    }
  }
  return { byProgram, anyProgram };
}

export function findRule(id: string): CommandRule | undefined {
  for (const pack of ALL_PACKS) for (const r of pack.rules) if (r.id === id) return r;
  return undefined;
}
