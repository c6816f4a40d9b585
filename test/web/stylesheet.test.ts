import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The stylesheet is written flat (no CSS nesting). A rule left open, as a merge once did, is
 * still valid CSS: every later rule silently becomes nested under it and stops applying. This
 * finds any style rule opened inside another style rule, with the line where it happens.
 */
function nestedRules(css: string): { line: number; selector: string; parent: string }[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const stack: { selector: string; atRule: boolean }[] = [];
  const found: { line: number; selector: string; parent: string }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') {
      const selector = text.slice(start, i).trim();
      const parent = stack.at(-1);
      if (parent && !parent.atRule && !selector.startsWith('@')) {
        found.push({ line: text.slice(0, i).split('\n').length, selector, parent: parent.selector });
      }
      stack.push({ selector, atRule: selector.startsWith('@') });
      start = i + 1;
    } else if (ch === '}') {
      stack.pop();
      start = i + 1;
    } else if (ch === ';') {
      start = i + 1;
    }
  }
  return found;
}

describe('src/web/styles.css', () => {
  it('closes every rule: no style rule sits inside another', () => {
    const css = readFileSync('src/web/styles.css', 'utf8');
    expect(nestedRules(css)).toEqual([]);
  });

  it('is caught when a rule is left open', () => {
    expect(nestedRules('.a {\n  color: red;\n.b { color: blue; }\n}')).toEqual([{ line: 3, selector: '.b', parent: '.a' }]);
    expect(nestedRules('@media (max-width: 1px) {\n  .a { color: red; }\n}')).toEqual([]);
  });
});
