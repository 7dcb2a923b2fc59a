/**
 * Front matter: the fields of src/lib/schemas.ts's `frontMatterSchema` in a fixed order, written as YAML with
 * js-yaml (the parser Astro reads front matter with), plus a digest of the generated file so a
 * later run can tell whether an editor has changed it.
 */
import { createHash } from 'node:crypto';
import yaml from 'js-yaml';
import type { FrontMatterInput } from '../lib/schemas.ts';

const DIGEST_KEY = 'generatedSha256';
const DIGEST_LINE = new RegExp(`^${DIGEST_KEY}: ([0-9a-f]{64})\\n`, 'm');

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function dump(value: object): string {
  return yaml.dump(value, { lineWidth: -1, noRefs: true });
}

/**
 * The whole MDX file. Its last front matter line is `generatedSha256: <sha256 of the file
 * without that line>`; any edit to the file breaks the match.
 */
export function composeMdx(matter: FrontMatterInput, body: string): string {
  const head = dump(matter);
  const digest = sha256(`---\n${head}---\n\n${body}`);
  return `---\n${head}${DIGEST_KEY}: ${digest}\n---\n\n${body}`;
}

/** The YAML between the opening `---` and the next `---` line, or undefined. */
function frontMatterBlock(text: string): string | undefined {
  const match = /^---\n([\s\S]*?\n)---(?:\n|$)/.exec(text);
  return match?.[1];
}

export interface ExistingMdx {
  /** Parsed front matter, or undefined when it is missing or not YAML. */
  matter: Record<string, unknown> | undefined;
  /** True when the file is exactly as the ingester wrote it. */
  untouched: boolean;
}

export function readExistingMdx(text: string): ExistingMdx {
  const block = frontMatterBlock(text);
  let matter: Record<string, unknown> | undefined;
  if (block !== undefined) {
    try {
      const parsed = yaml.load(block);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) matter = parsed as Record<string, unknown>;
    } catch {
      matter = undefined;
    }
  }
  const digest = block === undefined ? undefined : DIGEST_LINE.exec(block);
  const untouched = digest !== null && digest !== undefined && sha256(text.replace(DIGEST_LINE, '')) === digest[1];
  return { matter, untouched };
}
