// The project's own Apex rules, which PMD cannot express:
//  - guard-first: the package's only access control is SetupAssistantAccess.assertAdmin(); an
//    @AuraEnabled method that runs anything before it (or never calls it) is reachable by any
//    user who can load the component, so the guard must be the very first statement.
//  - sharing-declared: a class without a sharing keyword runs in the caller's mode, or without
//    sharing when called from a without-sharing context; the security review wants it explicit.
//  - no-soql-dml-in-loop: governor limits (100 queries, 150 DML statements per transaction)
//    make a query or DML per iteration a production failure that small test data hides.
//
// A finding is suppressed by `// ccsa-scan-ignore <rule>: <reason>` alone on the line above it;
// the reason is required so that every exception is reviewable in the diff that adds it.
const { ApexSyntaxErrors, hasAnnotation, parseApex, parserModule, sharingOf, walk } = require('./apex-source');

const {
    ClassBodyDeclarationContext,
    ClassDeclarationContext,
    DeleteStatementContext,
    DoWhileStatementContext,
    DotExpressionContext,
    ForStatementContext,
    InsertStatementContext,
    MergeStatementContext,
    SoqlPrimaryContext,
    SoslPrimaryContext,
    StatementContext,
    TypeDeclarationContext,
    UndeleteStatementContext,
    UpdateStatementContext,
    UpsertStatementContext,
    WhileStatementContext,
} = parserModule;

const RULES = {
    'guard-first': 'An @AuraEnabled method must call SetupAssistantAccess.assertAdmin() as its first statement.',
    'sharing-declared': 'A top-level class must declare with sharing, without sharing or inherited sharing.',
    'no-soql-dml-in-loop': 'No SOQL, SOSL, DML or Database query/DML call inside a for, while or do loop.',
};

/** Reported for a file the parser rejects: nothing else can be checked in it. */
const SYNTAX_RULE = 'syntax';
/** Reported for a suppression comment that is malformed, names no rule, or suppresses nothing. */
const SUPPRESSION_RULE = 'suppression';

/** The guard call, compared on token text (the parser drops whitespace and comments). */
const GUARD_CALLS = new Set(['setupassistantaccess.assertadmin()', 'ccsa.setupassistantaccess.assertadmin()']);

/** Receivers and methods that query or write records, each a governor-limited operation. */
const LIMITED_CALLS = {
    database: new Set([
        'query',
        'querywithbinds',
        'countquery',
        'countquerywithbinds',
        'getquerylocator',
        'getquerylocatorwithbinds',
        'insert',
        'update',
        'upsert',
        'delete',
        'undelete',
        'merge',
        'emptyrecyclebin',
        'convertlead',
        'insertasync',
        'updateasync',
        'deleteasync',
        'insertimmediate',
        'updateimmediate',
        'deleteimmediate',
    ]),
    // Dynamic SOSL.
    search: new Set(['query', 'find', 'suggest']),
    // Each publish call counts as one DML statement.
    eventbus: new Set(['publish']),
};

const DML_STATEMENTS = [
    [InsertStatementContext, 'insert'],
    [UpdateStatementContext, 'update'],
    [UpsertStatementContext, 'upsert'],
    [DeleteStatementContext, 'delete'],
    [UndeleteStatementContext, 'undelete'],
    [MergeStatementContext, 'merge'],
];

const SUPPRESSION = /^\s*\/\/\s*ccsa-scan-ignore\b\s*([\w-]*)\s*(?::(.*))?$/;

/**
 * @typedef {object} Finding
 * @property {string} file
 * @property {number} line
 * @property {string} rule
 * @property {string} message
 */

/**
 * Runs the project rules over one Apex file.
 *
 * @param {{ path: string, source: string }} input
 * @returns {Finding[]} sorted by line; a syntax error is one `syntax` finding, never an empty list
 */
function checkApexSource({ path, source }) {
    let tree;
    try {
        tree = parseApex(source, path);
    } catch (error) {
        if (!(error instanceof ApexSyntaxErrors)) throw error;
        return error.errors.map((e) => ({
            file: path,
            line: e.line,
            rule: SYNTAX_RULE,
            message: `does not parse, so no rule could check it: ${e.message}`,
        }));
    }
    /** Raw findings carry `anchors`: the lines a suppression comment may sit directly above. */
    const raw = [...checkGuardFirst(tree, source), ...checkSharingDeclared(tree), ...checkNoSoqlDmlInLoop(tree)];
    return applySuppressions(path, source, raw).sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

function checkGuardFirst(tree, source) {
    const found = [];
    walk(tree, (node) => {
        if (!(node instanceof ClassBodyDeclarationContext)) return;
        const member = node.memberDeclaration();
        const method = member && member.methodDeclaration();
        if (!method || !hasAnnotation(node.modifier_list(), 'AuraEnabled')) return;
        const name = method.id().getText();
        const block = method.block();
        const first = block ? block.statement_list()[0] : undefined;
        const expression = first && first.expressionStatement() && first.expressionStatement().expression();
        if (expression && GUARD_CALLS.has(expression.getText().toLowerCase())) return;
        found.push({
            line: method.id().start.line,
            anchors: [node.start.line],
            rule: 'guard-first',
            message: `@AuraEnabled method ${name} must call SetupAssistantAccess.assertAdmin() as its first statement${
                first ? `, found: ${excerpt(source, first)}` : ''
            }`,
        });
    });
    return found;
}

function checkSharingDeclared(tree) {
    if (!(tree.typeDeclaration && tree.typeDeclaration() instanceof TypeDeclarationContext)) return [];
    const declaration = tree.typeDeclaration();
    const classDeclaration = declaration.classDeclaration();
    if (!(classDeclaration instanceof ClassDeclarationContext) || sharingOf(declaration.modifier_list())) return [];
    const name = classDeclaration.id().getText();
    return [
        {
            line: classDeclaration.id().start.line,
            anchors: [declaration.start.line],
            rule: 'sharing-declared',
            message: `class ${name} must declare with sharing, without sharing or inherited sharing`,
        },
    ];
}

/**
 * Walks with the number of enclosing loops. What a loop evaluates once (a classic for's
 * initialiser, the iterable of `for (X x : ...)`, including a SOQL for-loop's query) is walked
 * outside the loop; its body, condition and update run per iteration and are walked inside it.
 */
function checkNoSoqlDmlInLoop(tree) {
    const found = [];
    const visit = (node, depth, statementLine) => {
        if (node instanceof StatementContext) statementLine = node.start.line;
        if (depth > 0) {
            const operation = limitedOperation(node);
            if (operation) {
                found.push({
                    line: node.start.line,
                    anchors: [statementLine],
                    rule: 'no-soql-dml-in-loop',
                    message: `${operation} inside a loop: collect the work in the loop and run it once after it`,
                });
            }
        }
        if (node instanceof ForStatementContext) {
            const control = node.forControl();
            const enhanced = control.enhancedForControl();
            if (enhanced) {
                visit(enhanced, depth, statementLine);
            } else {
                if (control.forInit()) visit(control.forInit(), depth, statementLine);
                if (control.expression()) visit(control.expression(), depth + 1, statementLine);
                if (control.forUpdate()) visit(control.forUpdate(), depth + 1, statementLine);
            }
            if (node.statement()) visit(node.statement(), depth + 1, statementLine);
            return;
        }
        const loopDepth = node instanceof WhileStatementContext || node instanceof DoWhileStatementContext ? 1 : 0;
        for (const child of node.children ?? []) {
            visit(child, depth + loopDepth, statementLine);
        }
    };
    visit(tree, 0, 0);
    return found;
}

/** @returns {string | null} what makes the node a governor-limited operation, if it is one */
function limitedOperation(node) {
    if (node instanceof SoqlPrimaryContext) return 'SOQL query';
    if (node instanceof SoslPrimaryContext) return 'SOSL search';
    for (const [type, keyword] of DML_STATEMENTS) {
        if (node instanceof type) return `DML ${keyword}`;
    }
    if (node instanceof DotExpressionContext && node.dotMethodCall()) {
        const receiver = node
            .expression()
            .getText()
            .toLowerCase()
            .replace(/^system\./, '');
        const method = node.dotMethodCall().anyId().getText();
        if (LIMITED_CALLS[receiver] && LIMITED_CALLS[receiver].has(method.toLowerCase())) {
            return `${node.expression().getText()}.${method}()`;
        }
    }
    return null;
}

/**
 * Drops findings whose anchor line (or own line) has a valid suppression directly above it,
 * and reports suppressions that are invalid or unused: a stale exception must not linger.
 */
function applySuppressions(path, source, raw) {
    const suppressions = new Map();
    source.split(/\r?\n/).forEach((text, index) => {
        const match = SUPPRESSION.exec(text);
        if (match) {
            suppressions.set(index + 1, { rule: match[1], reason: (match[2] ?? '').trim(), used: false });
        }
    });
    const findings = [];
    for (const finding of raw) {
        const lines = new Set([finding.line, ...finding.anchors].map((line) => line - 1));
        const suppression = [...lines]
            .map((line) => suppressions.get(line))
            .find((s) => s && s.rule === finding.rule && s.reason !== '');
        if (suppression) {
            suppression.used = true;
        } else {
            findings.push({ file: path, line: finding.line, rule: finding.rule, message: finding.message });
        }
    }
    for (const [line, suppression] of suppressions) {
        let problem = null;
        if (!Object.hasOwn(RULES, suppression.rule)) {
            problem = `names no known rule ('${suppression.rule}'); rules: ${Object.keys(RULES).join(', ')}`;
        } else if (suppression.reason === '') {
            problem = `has no reason: write // ccsa-scan-ignore ${suppression.rule}: <why this is safe>`;
        } else if (!suppression.used) {
            problem = `suppresses nothing on the next line: remove it`;
        }
        if (problem) {
            findings.push({ file: path, line, rule: SUPPRESSION_RULE, message: `ccsa-scan-ignore ${problem}` });
        }
    }
    return findings;
}

/** The node's source text on one line: token text alone loses the spaces between words. */
function excerpt(source, node) {
    const text = source.slice(node.start.start, node.stop.stop + 1).replace(/\s+/g, ' ');
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

module.exports = { RULES, SUPPRESSION_RULE, SYNTAX_RULE, checkApexSource };
