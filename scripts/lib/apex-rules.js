// The project's own Apex rules, which PMD cannot express:
//  - guard-first: the package's only access control is SetupAssistantAccess.assertAdmin(); an
//    @AuraEnabled method that runs anything before it (or never calls it) is reachable by any
//    user who can load the component, so the guard must be the very first statement.
//  - sharing-declared: a class without a sharing keyword runs in the caller's mode, or without
//    sharing when called from a without-sharing context; the security review wants it explicit.
//  - no-soql-dml-in-loop: governor limits (100 queries, 150 DML statements per transaction)
//    make a query or DML per iteration a production failure that small test data hides.
//  - no-parallel-setup-dml: setup objects (User, UserRole, PermissionSetAssignment, Group, ...)
//    "can't be used with the @IsTest(IsParallel=true) annotation" ("sObjects That Can't Be Used
//    Together in DML Operations", https://developer.salesforce.com/docs/platform/apex-dev/references/apex-dev/apex-dml-non-mix-sobjects.html):
//    such a test class fails in the org, never offline.
//  - format-label-apostrophe: String.format is Java MessageFormat ("String.format(stringToFormat,
//    formattingArguments)", Apex Reference, String Class): a single quote starts a quoted section
//    and is dropped, so a label used as its pattern must write a literal apostrophe as ''.
//  - psa-snapshot-group: a permission set assignment can come from a permission set group
//    (PermissionSetGroupId) and can expire (ExpirationDate); a snapshot without both restores
//    group members as direct assignments and makes temporary access permanent (issue 9, 1.1).
//
// A finding is suppressed by `// ccsa-scan-ignore <rule>: <reason>` alone on the line above it;
// the reason is required so that every exception is reviewable in the diff that adds it.
const { ApexSyntaxErrors, hasAnnotation, parseApex, parserModule, sharingOf, walk } = require('./apex-source');
const { readLabels } = require('./labels');

const {
    AnnotationContext,
    ClassBodyDeclarationContext,
    ClassDeclarationContext,
    DeleteStatementContext,
    DoWhileStatementContext,
    DotExpressionContext,
    FieldDeclarationContext,
    FromNameListContext,
    ForStatementContext,
    FormalParameterContext,
    InsertStatementContext,
    LocalVariableDeclarationContext,
    MergeStatementContext,
    MethodDeclarationContext,
    SoqlPrimaryContext,
    SoslPrimaryContext,
    StatementContext,
    TypeDeclarationContext,
    TypeNameContext,
    UndeleteStatementContext,
    UpdateStatementContext,
    UpsertStatementContext,
    WhileStatementContext,
} = parserModule;

const RULES = {
    'guard-first': 'An @AuraEnabled method must call SetupAssistantAccess.assertAdmin() as its first statement.',
    'sharing-declared': 'A top-level class must declare with sharing, without sharing or inherited sharing.',
    'no-soql-dml-in-loop': 'No SOQL, SOSL, DML or Database query/DML call inside a for, while or do loop.',
    'no-parallel-setup-dml':
        'A test class that writes setup objects (User, UserRole, PermissionSetAssignment, ...) must not be IsParallel=true.',
    'format-label-apostrophe': "A Custom Label used as a String.format pattern must write each apostrophe as ''.",
    'psa-snapshot-group':
        'A PermissionSetAssignment query for a snapshot must select PermissionSetGroupId and ExpirationDate.',
    'no-static-feature-object':
        'Network and NetworkMemberGroup exist only where Digital Experiences is on: name them only in dynamic SOQL or describe calls.',
};

/**
 * Objects Salesforce creates only when a feature is on. A static reference (a type, a static SOQL
 * FROM, `Network.SObjectType`) makes the class fail to compile, and so the package fail to install,
 * in an org where the feature is off; the readiness checklist must install first to tell the admin
 * to turn Digital Experiences on. Dynamic SOQL (`Database.query...`) and
 * `Schema.getGlobalDescribe().get('Network')` are the safe forms.
 */
const FEATURE_OBJECTS = new Set(['network', 'networkmembergroup', 'networkmember', 'networkselfregistration']);

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
 * @param {{ path: string, source: string, labels?: Map<string, string> }} input `labels` (API name to
 *   text) defaults to the repository's Custom Labels
 * @returns {Finding[]} sorted by line; a syntax error is one `syntax` finding, never an empty list
 */
function checkApexSource({ path, source, labels }) {
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
    const raw = [
        ...checkGuardFirst(tree, source),
        ...checkSharingDeclared(tree),
        ...checkNoSoqlDmlInLoop(tree),
        ...checkNoParallelSetupDml(tree),
        ...checkFormatLabelApostrophe(tree, labels ?? repositoryLabels()),
        ...checkPsaSnapshotGroup(tree, source, path),
        ...checkNoStaticFeatureObject(tree),
    ];
    return applySuppressions(path, source, raw).sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

function checkNoStaticFeatureObject(tree) {
    const found = [];
    const seen = new Set();
    const report = (line, name) => {
        const key = `${line}:${name.toLowerCase()}`;
        if (seen.has(key)) return;
        seen.add(key);
        found.push({
            line,
            anchors: [line],
            rule: 'no-static-feature-object',
            message: `static reference to ${name}: use dynamic SOQL or Schema.getGlobalDescribe().get('${name}')`,
        });
    };
    walk(tree, (node) => {
        // A type: declarations, generics, casts, `new`, `instanceof` (a variable named `network` is fine).
        if (node instanceof TypeNameContext) {
            const name = node.getText().replace(/^schema\./i, '');
            if (FEATURE_OBJECTS.has(name.toLowerCase())) report(node.start.line, name);
            return;
        }
        // The object of a static SOQL query.
        if (node instanceof FromNameListContext) {
            for (const part of node.getText().split(',')) {
                const name = part.trim();
                if (FEATURE_OBJECTS.has(name.toLowerCase())) report(node.start.line, name);
            }
            return;
        }
        // `Network.SObjectType`, `Schema.Network.SObjectType`, `Network.Status` (a token reference).
        if (node instanceof DotExpressionContext) {
            const match = /^(?:schema\.)?(\w+)\.sobjecttype\b/i.exec(node.getText());
            if (match && FEATURE_OBJECTS.has(match[1].toLowerCase())) report(node.start.line, match[1]);
            const schemaMatch = /^schema\.(\w+)$/i.exec(node.getText());
            if (schemaMatch && FEATURE_OBJECTS.has(schemaMatch[1].toLowerCase()))
                report(node.start.line, schemaMatch[1]);
        }
    });
    return found;
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

/**
 * Setup objects, from the Apex Developer Guide's list of sObjects that cannot be mixed in DML and
 * cannot be used with IsParallel=true (the list is "not exhaustive": PermissionSetLicenseAssign,
 * PermissionSetGroup and UserPackageLicense are setup objects of the same kind).
 */
const SETUP_OBJECTS = new Set(
    [
        'AuthSession',
        'ContentWorkspace',
        'FieldPermissions',
        'ForecastingShare',
        'Group',
        'GroupMember',
        'ObjectPermissions',
        'ObjectTerritory2AssignmentRule',
        'ObjectTerritory2AssignmentRuleItem',
        'PermissionSet',
        'PermissionSetAssignment',
        'PermissionSetGroup',
        'PermissionSetGroupComponent',
        'PermissionSetLicenseAssign',
        'QueueSObject',
        'RuleTerritory2Association',
        'SetupEntityAccess',
        'Territory',
        'Territory2',
        'Territory2Model',
        'User',
        'UserPackageLicense',
        'UserRole',
        'UserTerritory',
        'UserTerritory2Association',
    ].map((name) => name.toLowerCase()),
);

/**
 * TestDataFactory methods that insert setup objects (users, roles, permission set assignments).
 * The rule sees one file at a time, so the factory's behaviour is listed here; the repository test
 * recomputes it from TestDataFactory.cls so that a new user-creating method cannot be missed.
 */
const FACTORY_SETUP_DML_METHODS = new Set([
    'createinternaluser',
    'createadminwithrole',
    'createexternaluser',
    'createpermissionset',
    'createpermissionsetgroup',
    'insertwithdependencies',
]);

const DML_KEYWORDS = new Set(['insert', 'update', 'upsert', 'delete', 'undelete']);

/** @returns {Map<string, string>} lower-cased variable, field and parameter names to their element type */
function declaredTypes(tree) {
    const types = new Map();
    walk(tree, (node) => {
        if (node instanceof LocalVariableDeclarationContext || node instanceof FieldDeclarationContext) {
            const type = elementType(node.typeRef().getText());
            for (const declarator of node.variableDeclarators().variableDeclarator_list()) {
                types.set(declarator.id().getText().toLowerCase(), type);
            }
        } else if (node instanceof FormalParameterContext) {
            types.set(node.id().getText().toLowerCase(), elementType(node.typeRef().getText()));
        }
    });
    return types;
}

/** `List<Schema.User>`, `User[]`, `Set<User>` -> `user` */
function elementType(typeText) {
    const inner = /^(?:list|set)<(.+)>$/i.exec(typeText);
    const base = (inner ? inner[1] : typeText).replace(/\[\]$/, '');
    return base.replace(/^schema\./i, '').toLowerCase();
}

/** @returns {string | null} the sObject type of a DML operand when the source makes it evident */
function operandType(expression, types) {
    const text = expression.getText();
    const created = /^new(?:(?:list|set)<)?(?:schema\.)?(\w+)/i.exec(text);
    if (created) return created[1].toLowerCase();
    if (/^\w+$/.test(text)) return types.get(text.toLowerCase()) ?? null;
    return null;
}

/**
 * Setup-object writes in a parse tree: DML statements and Database.* calls whose operand is
 * evidently a setup object (`new User(...)`, or a variable declared as one), and calls to the
 * TestDataFactory methods that create users.
 *
 * @returns {{ line: number, what: string }[]}
 */
function setupDmlEvidence(tree) {
    const types = declaredTypes(tree);
    const found = [];
    walk(tree, (node) => {
        for (const [type, keyword] of DML_STATEMENTS) {
            if (node instanceof type && DML_KEYWORDS.has(keyword) && node.expression) {
                const sObject = operandType(node.expression(), types);
                if (sObject && SETUP_OBJECTS.has(sObject)) {
                    found.push({ line: node.start.line, what: `${keyword} of ${sObject}` });
                }
            }
        }
        if (node instanceof DotExpressionContext && node.dotMethodCall()) {
            const receiver = node
                .expression()
                .getText()
                .toLowerCase()
                .replace(/^system\./, '');
            const method = node.dotMethodCall().anyId().getText().toLowerCase();
            const args = node.dotMethodCall().expressionList();
            if (receiver === 'database' && DML_KEYWORDS.has(method) && args) {
                const sObject = operandType(args.expression(0), types);
                if (sObject && SETUP_OBJECTS.has(sObject)) {
                    found.push({ line: node.start.line, what: `Database.${method} of ${sObject}` });
                }
            }
            if (receiver === 'testdatafactory' && FACTORY_SETUP_DML_METHODS.has(method)) {
                found.push({
                    line: node.start.line,
                    what: `TestDataFactory.${node.dotMethodCall().anyId().getText()}()`,
                });
            }
        }
    });
    return found;
}

function checkNoParallelSetupDml(tree) {
    const declaration = tree.typeDeclaration && tree.typeDeclaration();
    const classDeclaration = declaration && declaration.classDeclaration && declaration.classDeclaration();
    if (!(classDeclaration instanceof ClassDeclarationContext)) return [];
    const parallel = declaration
        .modifier_list()
        .map((modifier) => modifier.annotation())
        .find((annotation) => annotation && /^@istest\(.*\bisparallel=true\b/i.test(annotation.getText()));
    if (!(parallel instanceof AnnotationContext)) return [];
    const evidence = setupDmlEvidence(classDeclaration);
    if (evidence.length === 0) return [];
    const shown = evidence
        .slice(0, 3)
        .map((e) => `${e.what} (line ${e.line})`)
        .join(', ');
    return [
        {
            line: parallel.start.line,
            anchors: [declaration.start.line],
            rule: 'no-parallel-setup-dml',
            message: `IsParallel=true in a class that writes setup objects: ${shown}; the platform refuses parallel tests with setup-object DML, remove IsParallel=true`,
        },
    ];
}

let cachedLabels;
function repositoryLabels() {
    cachedLabels ??= readLabels();
    return cachedLabels;
}

const LABEL_REFERENCE = /^(?:system\.)?label\.(\w+)$/i;

/** @returns {string[]} the labels referenced anywhere under the node */
function labelsIn(node) {
    const found = [];
    walk(node, (child) => {
        const match = child instanceof DotExpressionContext && LABEL_REFERENCE.exec(child.getText());
        if (match) found.push(match[1]);
    });
    return found;
}

/** A single quote not doubled: MessageFormat drops it (and quotes what follows). */
function hasUnescapedApostrophe(text) {
    return text.replace(/''/g, '').includes("'");
}

/**
 * The labels a String.format pattern can be: `System.Label.X` itself, every label a same-file
 * method returns when the pattern is a call to it (e.g. `doneLabel(action)`), or every label a
 * local variable of that name is initialised with.
 */
function patternLabels(expression, tree) {
    const text = expression.getText();
    const direct = LABEL_REFERENCE.exec(text);
    if (direct) return [direct[1]];
    const call = /^(\w+)\(/.exec(text);
    const variable = /^(\w+)$/.exec(text);
    const found = [];
    walk(tree, (node) => {
        if (
            call &&
            node instanceof MethodDeclarationContext &&
            node.id().getText().toLowerCase() === call[1].toLowerCase()
        ) {
            if (node.block()) found.push(...labelsIn(node.block()));
        }
        if (variable && node instanceof LocalVariableDeclarationContext) {
            for (const declarator of node.variableDeclarators().variableDeclarator_list()) {
                if (declarator.id().getText().toLowerCase() === variable[1].toLowerCase() && declarator.expression()) {
                    found.push(...labelsIn(declarator.expression()));
                }
            }
        }
    });
    return [...new Set(found)];
}

function checkFormatLabelApostrophe(tree, labels) {
    const found = [];
    const lowerCased = new Map([...labels].map(([name, text]) => [name.toLowerCase(), { name, text }]));
    walk(tree, (node) => {
        if (!(node instanceof DotExpressionContext) || !node.dotMethodCall()) return;
        const receiver = node.expression().getText().toLowerCase();
        if (receiver !== 'string' && receiver !== 'system.string') return;
        if (node.dotMethodCall().anyId().getText().toLowerCase() !== 'format') return;
        const args = node.dotMethodCall().expressionList();
        if (!args) return;
        for (const name of patternLabels(args.expression(0), tree)) {
            const label = lowerCased.get(name.toLowerCase());
            if (label && hasUnescapedApostrophe(label.text)) {
                found.push({
                    line: node.start.line,
                    anchors: [],
                    rule: 'format-label-apostrophe',
                    message: `String.format drops the apostrophe of label ${label.name} ("${label.text}"): write it as '' in the label`,
                });
            }
        }
    });
    return found;
}

/**
 * Heuristic, because "used for a snapshot" is data flow that one file cannot show: a query FROM
 * PermissionSetAssignment is a snapshot when its class or method name says "snapshot", or when it
 * selects PermissionSetId in the license-upgrade feature (whose assignments are restored after a
 * license change). Aggregate queries (COUNT, GROUP BY) are never snapshots.
 */
function checkPsaSnapshotGroup(tree, source, path) {
    const inLicenseUpgrade = /(^|\/)force-app\/main\/license-upgrade\//.test(path.split('\\').join('/'));
    const found = [];
    const visit = (node, names) => {
        if (node instanceof ClassDeclarationContext || node instanceof MethodDeclarationContext) {
            names = [...names, node.id().getText()];
        }
        if (node instanceof SoqlPrimaryContext) {
            const text = source.slice(node.start.start, node.stop.stop + 1);
            const query = /^\[\s*SELECT\s+([\s\S]*?)\s+FROM\s+PermissionSetAssignment\b([\s\S]*)$/i.exec(text);
            if (query && !/\bCOUNT\s*\(/i.test(query[1]) && !/\bGROUP\s+BY\b/i.test(query[2])) {
                const fields = new Set(query[1].split(',').map((field) => field.trim().toLowerCase()));
                const snapshot =
                    names.some((name) => /snapshot/i.test(name)) || (inLicenseUpgrade && fields.has('permissionsetid'));
                const missing = ['PermissionSetGroupId', 'ExpirationDate'].filter((f) => !fields.has(f.toLowerCase()));
                if (snapshot && missing.length > 0) {
                    found.push({
                        line: node.start.line,
                        anchors: [],
                        rule: 'psa-snapshot-group',
                        message: `PermissionSetAssignment snapshot without ${missing.join(' and ')}: a group's assignments would be restored one by one and expiring ones made permanent`,
                    });
                }
            }
        }
        for (const child of node.children ?? []) visit(child, names);
    };
    visit(tree, []);
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

module.exports = { FACTORY_SETUP_DML_METHODS, RULES, SUPPRESSION_RULE, SYNTAX_RULE, checkApexSource, setupDmlEvidence };
