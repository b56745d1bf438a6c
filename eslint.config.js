// ESLint 9 flat config. LWC rules run twice: on the TypeScript sources (with the
// typescript-eslint parser) and on the compiled JavaScript that deploys, so that what the
// platform receives is checked too (run `npm run build` first).
const lwcConfig = require('@salesforce/eslint-config-lwc');
const tseslint = require('typescript-eslint');
const eslintJs = require('@eslint/js');
const globals = require('globals');

const LWC_TS = ['force-app/**/lwc/**/*.ts'];
const LWC_JS = ['force-app/**/lwc/**/*.js'];
const TESTS = ['**/__tests__/**/*.ts'];
const TOOLING = [
    'scripts/**/*.{js,mjs}',
    'bench/**/*.{js,mjs}',
    'preview/**/*.{js,mjs}',
    'e2e/**/*.{js,mjs}',
    '*.js',
    '*.mjs',
];

/** The LWC recommended rules and plugins, without the Babel parser, for use with TypeScript. */
const lwcRulesForTypeScript = lwcConfig.configs.recommended.map((config) => {
    // eslint-disable-next-line no-unused-vars
    const { languageOptions, files, ...rest } = config;
    return { ...rest, files: LWC_TS };
});

module.exports = [
    {
        ignores: [
            'node_modules/**',
            'coverage/**',
            'preview/dist/**',
            'e2e/screenshots/**',
            'e2e/results/**',
            '.scan/**',
            '.sf/**',
            '.sfdx/**',
        ],
    },
    ...lwcConfig.configs.recommended.map((config) => ({ ...config, files: LWC_JS })),
    ...tseslint.configs.recommended.map((config) => ({
        ...config,
        files: [...LWC_TS, 'types/**/*.ts', 'scripts/**/*.ts', 'preview/**/*.ts', 'e2e/**/*.ts'],
    })),
    ...lwcRulesForTypeScript,
    {
        files: [...LWC_TS, 'types/**/*.ts'],
        languageOptions: {
            parser: tseslint.parser,
            parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
            globals: { ...globals.browser },
        },
        rules: {
            // TypeScript reports unused and undefined names itself, with type knowledge.
            'no-unused-vars': 'off',
            'no-undef': 'off',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
            // Declaration files legitimately use `declare namespace` for the Apex DTO contract.
            '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true, allowDefinitionFiles: true }],
        },
    },
    {
        files: TESTS,
        languageOptions: {
            parser: tseslint.parser,
            globals: { ...globals.node, ...globals.jest, ...globals.browser },
        },
        rules: {
            // Jest's module mocks are CommonJS by design (hoisted factories).
            '@typescript-eslint/no-require-imports': 'off',
            '@typescript-eslint/no-non-null-assertion': 'off',
            // Tests wait for rendering with timers; components may not.
            '@lwc/lwc/no-async-operation': 'off',
            // Tests drive wire adapters directly (emit) through sfdx-lwc-jest's test adapters.
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
        },
    },
    {
        files: TOOLING,
        ...eslintJs.configs.recommended,
        languageOptions: {
            ecmaVersion: 'latest',
            sourceType: 'module',
            globals: { ...globals.node, ...globals.browser },
        },
    },
    {
        files: ['**/*.js'],
        ignores: LWC_JS,
        languageOptions: { sourceType: 'commonjs' },
    },
    {
        files: ['jest.setup.js'],
        languageOptions: { globals: { ...globals.jest } },
    },
];
