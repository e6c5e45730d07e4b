import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["**/dist/**", "**/dist-types/**", ".reports/**", "node_modules/**", "**/*.config.ts", "eslint.config.js"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // Plain JavaScript (CI helpers) is linted without type information.
    files: ["**/*.{js,mjs,cjs}"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tests read JSON bodies as `any`: asserting on them is the point.
    files: ["**/test/**/*.{ts,tsx}", "e2e/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // Layers: the web app runs in the browser and never touches the database package (a native addon).
    files: ["apps/web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@chipflow/db", "@chipflow/db/*", "better-sqlite3", "**/packages/db/**"],
              message: "The web app cannot import the database package.",
            },
            { group: ["node:*", "fs", "path"], message: "The web app runs in the browser: no Node APIs." },
          ],
        },
      ],
    },
  },
  {
    // The domain package stays free of Node and DOM APIs so every layer can use it.
    files: ["packages/core/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "@chipflow/*", "better-sqlite3"],
              message: "core has no Node APIs and no dependencies on other packages.",
            },
          ],
        },
      ],
    },
  },
);
