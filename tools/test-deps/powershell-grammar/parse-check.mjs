// Parses PowerShell scripts with tree-sitter-powershell (a real PowerShell grammar, run as WebAssembly by
// web-tree-sitter: no native build) and prints every syntax-error node: ERROR nodes and nodes the parser had to
// invent (MISSING). Known grammar gaps (valid PowerShell the grammar does not accept) are listed in
// known-gaps.json, each with the language-spec reason; an error node whose text matches one is reported as
// "known gap", not as an error.
//
//   node parse-check.mjs FILE...     exit 0: no errors; 1: errors (one line each); 2: cannot run
//
// Output, one line per finding:  FILE:ROW:COLUMN: error|missing|known gap (<id>): <text>
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Parser, Language } from 'web-tree-sitter';

const here = dirname(fileURLToPath(import.meta.url));
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node parse-check.mjs FILE...');
  process.exit(2);
}
const gaps = JSON.parse(readFileSync(join(here, 'known-gaps.json'), 'utf8'))
  .map(g => ({ ...g, re: new RegExp(g.pattern), beforeRe: new RegExp(g.before + '$') }));

await Parser.init();
const language = await Language.load(join(here, 'node_modules', 'tree-sitter-powershell', 'tree-sitter-powershell.wasm'));
const parser = new Parser();
parser.setLanguage(language);

let errors = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const tree = parser.parse(text);
  const stack = [tree.rootNode];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.isError || node.isMissing) {
      const snippet = node.text.length > 120 ? node.text.slice(0, 120) + '...' : node.text;
      const where = `${file}:${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
      // a gap matches the error node's text and the text just before it on the same line
      const lineStart = text.lastIndexOf('\n', node.startIndex - 1) + 1;
      const before = text.slice(lineStart, node.startIndex);
      const gap = node.isError ? gaps.find(g => g.re.test(node.text) && g.beforeRe.test(before)) : undefined;
      if (gap) {
        console.log(`${where}: known gap (${gap.id}): ${JSON.stringify(snippet)}`);
      } else {
        errors++;
        console.log(`${where}: ${node.isMissing ? 'missing ' + node.type : 'error'}: ${JSON.stringify(snippet)}`);
      }
      continue;   // the children of an error node are part of the same error
    }
    for (let i = node.childCount - 1; i >= 0; i--) stack.push(node.child(i));
  }
  console.log(`${file}: parsed, ${tree.rootNode.descendantCount} nodes`);
}
process.exit(errors > 0 ? 1 : 0);
