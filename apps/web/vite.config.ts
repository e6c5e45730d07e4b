import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
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
