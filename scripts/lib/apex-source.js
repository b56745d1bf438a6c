// Reads the package's Apex from source for the scanners and the contract test: lists the
// files, parses them with @apexdevtools/apex-parser and describes their classes. A file that
// does not parse throws, so no check can pass by skipping what it could not read.
//
// Jest note: the parser's package.json maps the `browser` export condition to an ES module
// bundle that Jest cannot load, and jsdom (which the LWC Jest preset needs) resolves with that
// condition. Tests that load this module set
// `@jest-environment-options {"customExportConditions": ["node", "require", "default"]}`.
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { basename, join } = require('node:path');
const parserModule = require('@apexdevtools/apex-parser');

const { ApexErrorListener, ApexParserFactory } = parserModule;

const ROOT = join(__dirname, '..', '..');

/** Folders that never hold deployable Apex, skipped so a stray copy cannot be scanned twice. */
const SKIPPED_DIRS = new Set(['node_modules', '__tests__', '.sfdx', '.sf']);

/**
 * @param {string} [root] repository root
 * @returns {string[]} absolute paths of every `.cls` and `.trigger` under `<root>/force-app`, sorted
 *   so that reports and snapshots do not depend on the file system's order
 */
function listApexFiles(root = ROOT) {
    const found = [];
    const visit = (dir) => {
        for (const entry of readdirSync(dir)) {
            const full = join(dir, entry);
            if (statSync(full).isDirectory()) {
                if (!SKIPPED_DIRS.has(entry)) visit(full);
            } else if (entry.endsWith('.cls') || entry.endsWith('.trigger')) {
                found.push(full);
            }
        }
    };
    visit(join(root, 'force-app'));
    return found.sort();
}

/**
 * @param {string} [root] repository root
 * @returns {{ path: string, source: string }[]} every Apex file of force-app with its text
 */
function readApexSources(root = ROOT) {
    return listApexFiles(root).map((path) => ({ path, source: readFileSync(path, 'utf8') }));
}

/** ANTLR lists every token it would have accepted (hundreds for Apex): keep the start of the list. */
function shorten(message) {
    return message.replace(/ expecting \{([^}]{80})[^}]+\}/, ' expecting {$1, ...}');
}

/** The syntax errors of one file; `line` is the first error's line so reports can point at it. */
class ApexSyntaxErrors extends Error {
    /**
     * @param {string} file
     * @param {{ line: number, column: number, message: string }[]} errors
     */
    constructor(file, errors) {
        const shortened = errors.map((e) => ({ ...e, message: shorten(e.message) }));
        super(shortened.map((e) => `${file}:${e.line}:${e.column} ${e.message}`).join('\n'));
        this.name = 'ApexSyntaxErrors';
        this.file = file;
        this.errors = shortened;
        this.line = errors[0].line;
    }
}

/** Collects every lexer and parser error instead of printing them to the console (ANTLR's default). */
class CollectingErrorListener extends ApexErrorListener {
    constructor() {
        super();
        this.errors = [];
    }

    apexSyntaxError(line, column, message) {
        this.errors.push({ line, column, message });
    }
}

/**
 * Parses one Apex file. Triggers are told apart by extension because a trigger and a class
 * have different grammar entry points.
 *
 * @param {string} source Apex text
 * @param {string} [file] path, for messages and to pick the class or trigger grammar
 * @returns {import('antlr4').ParserRuleContext} the CompilationUnit (or TriggerUnit) tree
 * @throws {ApexSyntaxErrors} when the lexer or parser reports anything
 */
function parseApex(source, file = '<source>') {
    const listener = new CollectingErrorListener();
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    const tree = file.endsWith('.trigger') ? parser.triggerUnit() : parser.compilationUnit();
    if (listener.errors.length > 0) {
        throw new ApexSyntaxErrors(file, listener.errors);
    }
    return tree;
}

/**
 * Depth-first walk over a parse tree. The visitor returns `false` to skip a node's children.
 *
 * @param {import('antlr4').ParseTree} node
 * @param {(node: import('antlr4').ParseTree) => boolean | void} visit
 */
function walk(node, visit) {
    if (visit(node) === false) return;
    for (const child of node.children ?? []) {
        walk(child, visit);
    }
}

/**
 * @param {import('antlr4').ParserRuleContext[]} modifiers ModifierContext list
 * @returns {string[]} annotation names as written (Apex is case-insensitive: compare lower-cased)
 */
function annotationNames(modifiers) {
    return modifiers.filter((m) => m.annotation()).map((m) => m.annotation().id().getText());
}

/**
 * @param {import('antlr4').ParserRuleContext[]} modifiers ModifierContext list
 * @param {string} name annotation name without `@`, any case
 */
function hasAnnotation(modifiers, name) {
    const wanted = name.toLowerCase();
    return annotationNames(modifiers).some((n) => n.toLowerCase() === wanted);
}

/**
 * @param {import('antlr4').ParserRuleContext[]} modifiers ModifierContext list
 * @returns {'with' | 'without' | 'inherited' | null} the declared sharing keyword, if any
 */
function sharingOf(modifiers) {
    for (const m of modifiers) {
        if (!m.SHARING()) continue;
        if (m.WITHOUT()) return 'without';
        if (m.INHERITED()) return 'inherited';
        return 'with';
    }
    return null;
}

/**
 * @param {import('antlr4').ParserRuleContext[]} modifiers ModifierContext list
 * @param {'STATIC' | 'FINAL'} keyword
 */
function hasKeyword(modifiers, keyword) {
    return modifiers.some((m) => m[keyword]() !== null);
}

/**
 * Describes the classes (top-level and inner), their methods and their fields/properties, as
 * plain data: the contract check compares these with the TypeScript declarations without
 * needing the parse tree. Types are the Apex text without whitespace (e.g. `List<Foo.Bar>`).
 *
 * @param {import('antlr4').ParserRuleContext} tree a CompilationUnit from {@link parseApex}
 * @returns {ApexTypeDescription[]}
 */
function describeApexTypes(tree) {
    const described = [];
    const typeDeclaration = tree.typeDeclaration ? tree.typeDeclaration() : null;
    if (!typeDeclaration) return described;
    const modifiers = typeDeclaration.modifier_list();
    if (typeDeclaration.classDeclaration()) {
        describeClass(typeDeclaration.classDeclaration(), modifiers, null, typeDeclaration.start.line, described);
    } else if (typeDeclaration.enumDeclaration()) {
        described.push(describeEnum(typeDeclaration.enumDeclaration(), null, typeDeclaration.start.line));
    } else if (typeDeclaration.interfaceDeclaration()) {
        const declaration = typeDeclaration.interfaceDeclaration();
        described.push(emptyType(declaration.id().getText(), 'interface', null, typeDeclaration.start.line, modifiers));
    }
    return described;
}

/**
 * @typedef {object} ApexTypeDescription
 * @property {string} name `Outer` or `Outer.Inner`
 * @property {'class' | 'enum' | 'interface'} kind
 * @property {string | null} outer the enclosing class of an inner type
 * @property {number} line where the declaration (with its annotations) starts
 * @property {number} nameLine the line of the type's name
 * @property {string[]} annotations
 * @property {'with' | 'without' | 'inherited' | null} sharing
 * @property {ApexMethodDescription[]} methods
 * @property {ApexFieldDescription[]} fields fields and properties
 * @property {string[]} values enum constants
 *
 * @typedef {object} ApexMethodDescription
 * @property {string} name
 * @property {number} line
 * @property {boolean} isStatic
 * @property {boolean} auraEnabled
 * @property {string[]} annotations
 * @property {{ name: string, type: string }[]} params
 * @property {string} returnType `void` or the Apex type text
 *
 * @typedef {object} ApexFieldDescription
 * @property {string} name
 * @property {number} line
 * @property {string} type
 * @property {boolean} isStatic
 * @property {boolean} auraEnabled
 * @property {'field' | 'property'} kind
 */

function emptyType(name, kind, outer, line, modifiers) {
    return {
        name: outer ? `${outer}.${name}` : name,
        kind,
        outer,
        line,
        nameLine: line,
        annotations: annotationNames(modifiers),
        sharing: sharingOf(modifiers),
        methods: [],
        fields: [],
        values: [],
    };
}

function describeEnum(declaration, outer, line) {
    const described = emptyType(declaration.id().getText(), 'enum', outer, line, []);
    const constants = declaration.enumConstants();
    described.values = constants ? constants.id_list().map((id) => id.getText()) : [];
    return described;
}

function describeClass(declaration, modifiers, outer, line, described) {
    const type = emptyType(declaration.id().getText(), 'class', outer, line, modifiers);
    type.nameLine = declaration.id().start.line;
    described.push(type);
    for (const member of declaration.classBody().classBodyDeclaration_list()) {
        const memberDeclaration = member.memberDeclaration();
        if (!memberDeclaration) continue;
        const memberModifiers = member.modifier_list();
        const common = {
            line: member.start.line,
            isStatic: hasKeyword(memberModifiers, 'STATIC'),
            auraEnabled: hasAnnotation(memberModifiers, 'AuraEnabled'),
        };
        if (memberDeclaration.methodDeclaration()) {
            const method = memberDeclaration.methodDeclaration();
            const list = method.formalParameters().formalParameterList();
            type.methods.push({
                name: method.id().getText(),
                ...common,
                annotations: annotationNames(memberModifiers),
                params: (list ? list.formalParameter_list() : []).map((p) => ({
                    name: p.id().getText(),
                    type: p.typeRef().getText(),
                })),
                returnType: method.VOID() ? 'void' : method.typeRef().getText(),
            });
        } else if (memberDeclaration.fieldDeclaration()) {
            const field = memberDeclaration.fieldDeclaration();
            for (const declarator of field.variableDeclarators().variableDeclarator_list()) {
                type.fields.push({
                    name: declarator.id().getText(),
                    ...common,
                    type: field.typeRef().getText(),
                    kind: 'field',
                });
            }
        } else if (memberDeclaration.propertyDeclaration()) {
            const property = memberDeclaration.propertyDeclaration();
            type.fields.push({
                name: property.id().getText(),
                ...common,
                type: property.typeRef().getText(),
                kind: 'property',
            });
        } else if (memberDeclaration.classDeclaration() && outer === null) {
            describeClass(
                memberDeclaration.classDeclaration(),
                memberModifiers,
                type.name,
                member.start.line,
                described,
            );
        } else if (memberDeclaration.enumDeclaration()) {
            described.push(describeEnum(memberDeclaration.enumDeclaration(), type.name, member.start.line));
        } else if (memberDeclaration.interfaceDeclaration()) {
            const inner = memberDeclaration.interfaceDeclaration();
            described.push(emptyType(inner.id().getText(), 'interface', type.name, member.start.line, memberModifiers));
        }
    }
}

/**
 * @param {string} path
 * @returns {string} the class name Salesforce derives from the file name
 */
function apexNameOf(path) {
    return basename(path).replace(/\.(cls|trigger)$/, '');
}

module.exports = {
    ROOT,
    ApexSyntaxErrors,
    annotationNames,
    apexNameOf,
    describeApexTypes,
    hasAnnotation,
    listApexFiles,
    parseApex,
    parserModule,
    readApexSources,
    sharingOf,
    walk,
};
