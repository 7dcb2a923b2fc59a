/**
 * Keeps `import('./x.ts')` in client scripts a plain dynamic import.
 *
 * Vite wraps every dynamic import of a client build in a preload helper,
 * `helper(() => import('./x.js'), deps)`, which fetches the chunk's dependencies in parallel.
 * The helper is a chunk of its own of about 0.9 kB gzip, so a page whose only script is the
 * search button would carry more helper than button. With module preloading off
 * (`build.modulePreload: false`, set here too) the dependency lists are empty and the wrapper
 * does nothing; this plugin takes it out of the built chunks, so the helper is never fetched.
 * Lazy chunks still load their own imports as ordinary ES modules when they run.
 *
 * The rewrite works on the syntax tree and only touches calls of the helper whose dependency
 * list is empty; anything else is left as Vite wrote it (and the JavaScript budget test in
 * tests/site notices the helper coming back).
 */
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

interface Span {
  start: number;
  end: number;
}
interface AstNode extends Span {
  type: string;
  [key: string]: unknown;
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as AstNode).type === 'string';
}

function walk(node: AstNode, visit: (node: AstNode) => void): void {
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) if (isNode(item)) walk(item, visit);
    if (isNode(value)) walk(value, visit);
  }
}

/** Applies replacements (non-overlapping spans) to a string. */
function splice(code: string, edits: (Span & { text: string })[]): string {
  let out = code;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function plugin(): Plugin {
  return {
    name: 'atlas:plain-dynamic-imports',
    apply: 'build',
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const helpers = new Set(
          Object.values(bundle)
            .filter((file) => file.type === 'chunk' && file.moduleIds.some((id) => id.includes('vite/preload-helper')))
            .map((file) => file.fileName),
        );
        if (helpers.size === 0) return;

        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.imports.some((name) => helpers.has(name))) continue;
          const ast = this.parse(chunk.code) as unknown as AstNode;
          const edits: (Span & { text: string })[] = [];
          let helperImport: AstNode | undefined;
          let local: string | undefined;
          for (const statement of ast.body as AstNode[]) {
            if (statement.type !== 'ImportDeclaration') continue;
            const source = (statement.source as { value: string }).value;
            if (![...helpers].some((name) => source.endsWith(name.split('/').pop()!))) continue;
            const specifiers = statement.specifiers as AstNode[];
            if (specifiers.length !== 1) return;
            helperImport = statement;
            local = (specifiers[0]!.local as { name: string }).name;
          }
          if (!helperImport || !local) continue;

          // Calls of the helper look like helper(() => import('./x.js'), []): a loader whose body
          // holds the import. (Other calls of a same-named variable in an inner scope do not.)
          let blocked = false;
          walk(ast, (node) => {
            if (node.type !== 'CallExpression' || !isNode(node.callee) || node.callee.type !== 'Identifier' || node.callee.name !== local) return;
            const [loader, deps] = node.arguments as AstNode[];
            if (loader?.type !== 'ArrowFunctionExpression' || !isNode(loader.body)) return;
            let imports = false;
            walk(loader.body, (inner) => {
              if (inner.type === 'ImportExpression') imports = true;
            });
            if (!imports) return;
            if (deps?.type !== 'ArrayExpression' || (deps.elements as unknown[]).length > 0) blocked = true;
            else edits.push({ start: node.start, end: node.end, text: chunk.code.slice(loader.body.start, loader.body.end) });
          });
          if (blocked || edits.length === 0) continue;
          edits.push({ start: helperImport.start, end: helperImport.end, text: '' });
          chunk.code = splice(chunk.code, edits);
          chunk.imports = chunk.imports.filter((name) => !helpers.has(name));
        }

        // Drop the helper when no chunk imports it any more.
        for (const name of helpers) {
          const used = Object.values(bundle).some((file) => file.type === 'chunk' && (file.imports.includes(name) || file.dynamicImports.includes(name)));
          if (!used) delete bundle[name];
        }
      },
    },
  };
}

export function plainDynamicImports(): AstroIntegration {
  return {
    name: 'atlas-plain-dynamic-imports',
    hooks: {
      'astro:build:setup': ({ vite }) => {
        vite.build = { ...vite.build, modulePreload: false };
        vite.plugins = [...(vite.plugins ?? []), plugin()];
      },
    },
  };
}
