/**
 * Writes src/core/rules/packPrograms.ts from the packs' own `programs` (run after adding a rule or a program to
 * one): `npx tsx scripts/pack-programs.ts`. test/unit/rules/packPrograms.test.ts fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packProgramsSource } from '../test/unit/rules/packProgramsSource';

const target = join(__dirname, '../src/core/rules/packPrograms.ts');
writeFileSync(target, packProgramsSource());
process.stdout.write(`wrote ${target}\n`);
