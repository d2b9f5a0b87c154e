import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Layers go one way: app → components → lib → lib/contract. The rules below keep them so.
const layers = [
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/components/*", "@/app/*"], message: "lib/ must not import components/ or app/ (layers go app → components → lib)." }] }],
    },
  },
  {
    files: ["lib/contract/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/*", "../*"], message: "lib/contract/ is the bottom layer: it imports nothing of Grantdesk's." }] }],
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    // Packages are not parsed for cycles: only Grantdesk's own modules can form one.
    settings: { "import/ignore": ["node_modules"] },
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
];

const config = [
  ...nextVitals,
  ...nextTypescript,
  ...layers,
  {
    ignores: [".next*/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
