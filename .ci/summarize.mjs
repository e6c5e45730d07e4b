// Prints one closing line, "N passed, N failed", over every test report that `npm test` wrote.
// A gate that failed before any test ran (type-check, lint) counts as one failure.
import { existsSync, readdirSync, readFileSync } from "node:fs";

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
if (existsSync(".reports")) {
  for (const file of readdirSync(".reports").filter((f) => f.endsWith(".json"))) {
    const report = JSON.parse(readFileSync(`.reports/${file}`, "utf8"));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
  }
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
