import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** Keeps the README honest: every npm command it shows exists in package.json. */
const root = new URL("../../", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as {
  scripts: Record<string, string>;
  workspaces: string[];
};
const BUILT_IN = new Set(["ci", "install", "test", "start"]);

describe("README", () => {
  it("opens with the two commands: npm ci && npm start, and npm test", () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    expect(firstBlock).toMatch(/^npm ci && npm start\b/m);
    expect(firstBlock).toMatch(/^npm test\b/m);
  });

  it("shows only npm scripts that exist", () => {
    const shown = [...readme.matchAll(/npm (?:run )?([a-z][\w:-]*)(?: -w (@chipflow\/\w+))?/g)];
    expect(shown.length).toBeGreaterThan(3);
    for (const [command, name, workspace] of shown) {
      if (workspace) {
        const dir = pkg.workspaces.find((w) => w.endsWith(workspace.split("/")[1]!))!;
        const ws = JSON.parse(readFileSync(new URL(`${dir}/package.json`, root), "utf8")) as { scripts?: object };
        expect(Object.keys(ws.scripts ?? {}), command).toContain(name);
      } else if (!BUILT_IN.has(name!)) {
        expect(Object.keys(pkg.scripts), command).toContain(name);
      }
    }
    for (const name of ["start", "test"]) expect(pkg.scripts[name]).toBeDefined();
  });
});
