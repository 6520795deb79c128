// Checks OCTO answers against the zod schemas of @octocloud/types (the OCTO project's published schemas).
// Usage: node validate.cjs <dir holding node_modules/@octocloud/types> < cases.json
//   cases.json: [{"name": "...", "schema": "zBooking", "body": <the JSON answer>}, ...]
// Prints {"version", "checked", "failures": [{name, schema, issues}]}; exit 0 all valid, 1 some invalid, 2 misuse.
'use strict';
const { createRequire } = require('module');
const path = require('path');

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node validate.cjs <install dir> < cases.json');
  process.exit(2);
}
const load = createRequire(path.join(path.resolve(dir), 'package.json'));
const types = load('@octocloud/types');
const version = load('@octocloud/types/package.json').version;

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  const cases = JSON.parse(input);
  const failures = [];
  for (const c of cases) {
    const schema = types[c.schema];
    if (!schema || typeof schema.safeParse !== 'function') {
      failures.push({ name: c.name, schema: c.schema, issues: ['no such zod schema in @octocloud/types'] });
      continue;
    }
    const r = schema.safeParse(c.body);
    if (!r.success) {
      const issues = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      failures.push({ name: c.name, schema: c.schema, issues });
    }
  }
  process.stdout.write(JSON.stringify({ version, checked: cases.length, failures }));
  process.exit(failures.length === 0 ? 0 : 1);
});
