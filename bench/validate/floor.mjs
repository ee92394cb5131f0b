// The floor validate is measured against: node reading every file below a directory (as UTF-8 text) and
// finding every '<' in it. Usage: node bench/validate/floor.mjs DIR
import fs from 'node:fs';

export function floor(dir) {
  let lt = 0;
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = `${d}/${e.name}`;
      if (e.isDirectory()) stack.push(p);
      else if (!e.name.startsWith('.')) {
        const s = fs.readFileSync(p, 'utf8');
        for (let i = s.indexOf('<'); i !== -1; i = s.indexOf('<', i + 1)) lt++;
      }
    }
  }
  return lt;
}

if (import.meta.url === `file://${process.argv[1]}`) floor(process.argv[2]);
