/**
 * Loads content/countries.json and content/topics.json for the ingester (fixing the case of
 * country names, tagging). The build validates the same files with the collection schemas; this
 * check only makes the ingester fail early with the file and field instead of a TypeError.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import type { Country, Topic } from '../lib/tagging.ts';

/** The repository's own content directory (the default output root's content/). */
export const PROJECT_CONTENT_DIR = fileURLToPath(new URL('../../content/', import.meta.url));

const words = z.array(z.string().min(1));
const countriesFile = z.array(
  z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    aliases: words.default([]),
    adjectives: words.optional(),
    exclude: words.optional(),
  }),
);
const topicsFile = z.array(z.object({ id: z.string().min(1), label: z.string().min(1), keywords: words.min(1) }));

export class VocabularyError extends Error {}

function load<T>(file: string, schema: z.ZodType<T>): T {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new VocabularyError(`${file}: cannot read it (${code ?? String(error)}); the ingester needs it to fix and tag documents`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new VocabularyError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new VocabularyError(`${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return result.data;
}

export function loadCountries(contentDir: string): Country[] {
  return load(join(contentDir, 'countries.json'), countriesFile);
}

export function loadTopics(contentDir: string): Topic[] {
  return load(join(contentDir, 'topics.json'), topicsFile);
}

let projectCountries: Country[] | undefined;

/** The repository's countries, read once: the default for `fixSource`. */
export function loadProjectCountries(): Country[] {
  projectCountries ??= loadCountries(PROJECT_CONTENT_DIR);
  return projectCountries;
}
