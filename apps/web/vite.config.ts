import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

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
  plugins: [react(), preloadApp()],
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
