import react from "@vitejs/plugin-react";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";

/** Files worth compressing: text, at least 1 KB (below that the headers outweigh the saving). */
const COMPRESSIBLE = /\.(?:js|css|html|svg|json|txt)$/;
const MIN_BYTES = 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the build, once, at their smallest: the
 * server sends the one a browser accepts (`preCompressed` in apps/api) instead of compressing on each request or
 * sending the bytes as they are.
 */
function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "chipflow:precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      for (const file of filesUnder(outDir)) {
        if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_BYTES) continue;
        const bytes = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * The entry only starts the first screen's requests, then imports the app (`src/mount.tsx`): index.html preloads
 * the app's chunk and the chunks it imports, so that the browser fetches them with the entry, not after it.
 */
function preloadApp(): Plugin {
  return {
    name: "chipflow:preload-app",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).flatMap((c) => (c.type === "chunk" ? [c] : []));
        const app = chunks.find((c) => c.facadeModuleId?.endsWith("/src/mount.tsx"));
        if (!app) throw new Error("preload-app: no chunk for src/mount.tsx");
        // Those the entry already loads are in the page already.
        const files = [...app.imports, app.fileName].filter((file) => !html.includes(`/${file}"`));
        return files.map((file) => ({
          tag: "link",
          attrs: { rel: "modulepreload", crossorigin: true, href: `/${file}` },
          injectTo: "head" as const,
        }));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadApp(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      // The domain package's modules only declare things: the dashboard takes its constants and helpers without
      // the zod schemas it does not use (the API validates; the dashboard only reads typed JSON).
      treeshake: { moduleSideEffects: (id) => !/[\\/]packages[\\/]core[\\/]/.test(id) && !/[\\/]zod[\\/]/.test(id) },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
