import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layer rules (DESIGN.md §2): imports point inward to `plan/`.
 * Each entry: files in `from` may not import from the folders in `forbidden`.
 */
const layers = [
  { from: 'src/plan', forbidden: ['smart', 'fhir', 'mapping', 'ui', 'sandbox'] },
  { from: 'src/mapping', forbidden: ['smart', 'fhir', 'ui', 'sandbox'] },
  { from: 'src/fhir', forbidden: ['ui', 'sandbox'] },
  { from: 'src/workspace', forbidden: ['ui', 'sandbox'] },
  { from: 'src/ui', forbidden: ['sandbox'] },
  { from: 'src/smart', forbidden: ['ui', 'sandbox'] },
  { from: 'src/sandbox', forbidden: ['ui'] },
  { from: 'src/conformance', forbidden: ['smart', 'fhir', 'mapping', 'ui', 'sandbox'] },
  { from: 'src/catalog', forbidden: ['smart', 'fhir', 'mapping', 'ui', 'sandbox'] },
  { from: 'src/exchange', forbidden: ['ui', 'smart', 'sandbox', 'cli'] },
  { from: 'src/cli', forbidden: ['ui', 'sandbox'] },
];

const layerConfigs = layers.map(({ from, forbidden }) => ({
  files: [`${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        // Only src/smart/ touches fhirclient's launch API (DESIGN.md §2).
        paths: from === 'src/smart' ? [] : [{ name: 'fhirclient', message: 'Only src/smart/ uses fhirclient.' }],
        patterns: [
          ...forbidden.map((layer) => ({
            regex: `(^|/)(\\.\\./)+${layer}(/|$)`,
            message: `${from} may not import from src/${layer} (DESIGN.md §2: data flows one way).`,
          })),
          ...(from === 'src/smart' ? [] : [{ regex: '^fhirclient/', message: 'Only src/smart/ uses fhirclient.' }]),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'fhir-profiles/', 'tools/webcrypto-stub/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...layerConfigs,
  {
    // Issue 4 §6: every string from a server is shown as text. The one way markup enters the page is a foreign
    // narrative after DOMPurify (src/ui/ForeignNarrative.tsx with src/ui/narrative-sanitiser.ts).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/ui/ForeignNarrative.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          'MemberExpression[property.name=/^(innerHTML|outerHTML|srcdoc)$/]',
          'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|parseFromString)$/]',
          "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
        ].map((selector) => ({
          selector,
          message: 'Server text is shown as text; markup only through the sanitised ForeignNarrative (issue 4 §6).',
        })),
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  }
);
