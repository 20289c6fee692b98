/**
 * YAML in linear time. yaml's own unique-key check compares each new key
 * with every earlier one in its mapping, so a file of many keys parses in
 * quadratic time (400 KB took 16 s); here it is off and one Set per mapping
 * finds a repeated key instead, so a duplicate is still bad input.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { InputError, formatPath } from './input-error.js';
import { clip } from './zod-words.js';

export function parseYamlLinear(file: string, text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: false });
  const error = doc.errors[0];
  if (error) throw new InputError(file, '', `valid YAML (${clip(error.message.split('\n')[0]!, 160)})`);
  const duplicate = firstDuplicateKey(doc.contents);
  if (duplicate) {
    throw new InputError(file, formatPath(duplicate), `each key once, ${JSON.stringify(clip(String(duplicate.at(-1))))} appears twice`);
  }
  return doc.toJS({ maxAliasCount: 100 });
}

/** The path of the first key that repeats in its mapping; walked with a stack, so deep nesting cannot overflow it. */
function firstDuplicateKey(root: Node | null): PropertyKey[] | null {
  const stack: { node: unknown; path: PropertyKey[] }[] = [{ node: root, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    // An alias points at a node already walked where it was defined.
    if (isAlias(node)) continue;
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (seen.has(key)) return [...path, key];
        seen.add(key);
        stack.push({ node: pair.value, path: [...path, key] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    }
  }
  return null;
}
