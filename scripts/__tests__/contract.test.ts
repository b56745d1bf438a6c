/**
 * The UI's Apex contract (types/apex) must match the Apex source: the LWCs compile against the
 * declarations and their Jest tests mock Apex, so nothing else notices when the two drift.
 *
 * The parser's `browser` export is an ES module bundle Jest cannot load; jsdom must stay (the
 * LWC Jest preset needs a DOM), so resolution is switched to the CommonJS build instead:
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

type TsType =
    | { kind: 'string' | 'number' | 'boolean' | 'unknown' | 'void' | 'null' | 'undefined' | 'any' | 'never' | 'object' }
    | { kind: 'array'; element: TsType }
    | { kind: 'record'; key: TsType; value: TsType }
    | { kind: 'ref'; name: string }
    | { kind: 'union'; members: TsType[] }
    | { kind: 'literal'; value: string | number | boolean }
    | { kind: 'unsupported'; text: string };
interface TsMember {
    name: string;
    type: TsType;
    optional?: boolean;
}
interface TsMethod {
    className: string;
    methodName: string;
    params: TsMember[] | null;
    result: TsType;
    source: string;
}
interface TsInterface {
    name: string;
    fields: TsMember[];
    source: string;
}
interface TsContract {
    methods: TsMethod[];
    interfaces: TsInterface[];
    /** Declarations the reader could not understand: the contract cannot check them. */
    problems: string[];
}
type ApexType = { name: string; file?: string } & Record<string, unknown>;

// The libraries are CommonJS tooling that tsconfig does not read (no allowJs): typed here.
const { compareContract } = require('../lib/apex-contract') as {
    compareContract(contract: { apexTypes: ApexType[]; methods: TsMethod[]; interfaces: TsInterface[] }): string[];
};
const { ROOT, describeApexTypes, parseApex, readApexSources } = require('../lib/apex-source') as {
    ROOT: string;
    describeApexTypes(tree: unknown): ApexType[];
    parseApex(source: string, file?: string): unknown;
    readApexSources(root?: string): { path: string; source: string }[];
};

const APEX_MODULE = '@salesforce/apex/';

function toTsType(node: ts.TypeNode, file: ts.SourceFile): TsType {
    switch (node.kind) {
        case ts.SyntaxKind.StringKeyword:
            return { kind: 'string' };
        case ts.SyntaxKind.NumberKeyword:
            return { kind: 'number' };
        case ts.SyntaxKind.BooleanKeyword:
            return { kind: 'boolean' };
        case ts.SyntaxKind.UnknownKeyword:
            return { kind: 'unknown' };
        case ts.SyntaxKind.VoidKeyword:
            return { kind: 'void' };
        case ts.SyntaxKind.UndefinedKeyword:
            return { kind: 'undefined' };
        case ts.SyntaxKind.AnyKeyword:
            return { kind: 'any' };
        case ts.SyntaxKind.NeverKeyword:
            return { kind: 'never' };
        case ts.SyntaxKind.ObjectKeyword:
            return { kind: 'object' };
    }
    if (ts.isParenthesizedTypeNode(node)) return toTsType(node.type, file);
    if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) {
        return toTsType(node.type, file);
    }
    if (ts.isArrayTypeNode(node)) return { kind: 'array', element: toTsType(node.elementType, file) };
    if (ts.isUnionTypeNode(node)) return { kind: 'union', members: node.types.map((t) => toTsType(t, file)) };
    if (ts.isLiteralTypeNode(node)) {
        const literal = node.literal;
        if (literal.kind === ts.SyntaxKind.NullKeyword) return { kind: 'null' };
        if (ts.isStringLiteral(literal)) return { kind: 'literal', value: literal.text };
        if (ts.isNumericLiteral(literal)) return { kind: 'literal', value: Number(literal.text) };
        if (literal.kind === ts.SyntaxKind.TrueKeyword || literal.kind === ts.SyntaxKind.FalseKeyword) {
            return { kind: 'literal', value: literal.kind === ts.SyntaxKind.TrueKeyword };
        }
    }
    if (ts.isTypeReferenceNode(node)) {
        const name = ts.isIdentifier(node.typeName) ? node.typeName.text : entityName(node.typeName);
        const args = node.typeArguments ?? [];
        if ((name === 'Array' || name === 'ReadonlyArray') && args.length === 1) {
            return { kind: 'array', element: toTsType(args[0], file) };
        }
        if (name === 'Record' && args.length === 2) {
            return { kind: 'record', key: toTsType(args[0], file), value: toTsType(args[1], file) };
        }
        if (args.length === 0) return { kind: 'ref', name };
    }
    return { kind: 'unsupported', text: node.getText(file) };
}

function entityName(name: ts.EntityName): string {
    return ts.isIdentifier(name) ? name.text : `${entityName(name.left)}.${name.right.text}`;
}

function membersOf(members: ts.NodeArray<ts.TypeElement>, file: ts.SourceFile, where: string, problems: string[]) {
    const fields: TsMember[] = [];
    for (const member of members) {
        if (
            ts.isPropertySignature(member) &&
            member.type &&
            (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))
        ) {
            fields.push({
                name: member.name.text,
                type: toTsType(member.type, file),
                optional: !!member.questionToken,
            });
        } else {
            problems.push(`${where}: only plain properties mirror Apex, found: ${member.getText(file)}`);
        }
    }
    return fields;
}

/**
 * Reads `declare module '@salesforce/apex/<Class>.<method>'` blocks and the interfaces of
 * `namespace Apex...` from declaration files.
 */
function readTsContract(files: { path: string; text: string }[]): TsContract {
    const contract: TsContract = { methods: [], interfaces: [], problems: [] };
    /** The namespace path each interface is declared in, to resolve the names it uses. */
    const scopes = new Map<TsInterface, string[]>();
    for (const { path, text } of files) {
        const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
        const lineOf = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
        const visitNamespace = (declaration: ts.ModuleDeclaration, path: string[]) => {
            const body = declaration.body;
            if (body && ts.isModuleDeclaration(body)) {
                visitNamespace(body, [...path, body.name.text]);
                return;
            }
            if (!body || !ts.isModuleBlock(body)) return;
            for (const statement of body.statements) {
                if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
                    visitNamespace(statement, [...path, statement.name.text]);
                } else if (ts.isInterfaceDeclaration(statement) && path[0] === 'Apex') {
                    const name = [...path.slice(1), statement.name.text].join('.');
                    const source = `${file.fileName}:${lineOf(statement)}`;
                    if (statement.heritageClauses || statement.typeParameters) {
                        contract.problems.push(`${source}: Apex.${name} must not extend or be generic`);
                    }
                    const fields = membersOf(statement.members, file, source, contract.problems);
                    contract.interfaces.push({ name, fields, source });
                    scopes.set(contract.interfaces[contract.interfaces.length - 1], path);
                }
            }
        };
        for (const statement of file.statements) {
            if (!ts.isModuleDeclaration(statement)) continue;
            if (ts.isIdentifier(statement.name)) {
                visitNamespace(statement, [statement.name.text]);
                continue;
            }
            const moduleName = statement.name.text;
            if (!moduleName.startsWith(APEX_MODULE)) continue;
            const source = `${file.fileName}:${lineOf(statement)}`;
            // `ccsa.Class.method` (namespace-qualified) and `Class.method` name the same method.
            const parts = moduleName.slice(APEX_MODULE.length).split('.');
            const [className, methodName] = parts.slice(-2);
            const declaration =
                statement.body && ts.isModuleBlock(statement.body) ? apexMethodOf(statement.body) : null;
            if (parts.length < 2 || parts.length > 3 || !declaration) {
                contract.problems.push(`${source}: '${moduleName}' must declare const m: ApexMethod<Params, Result>`);
                continue;
            }
            const [paramsNode, resultNode] = declaration;
            let params: TsMember[] | null = null;
            if (ts.isTypeLiteralNode(paramsNode)) {
                params = membersOf(paramsNode.members, file, source, contract.problems);
            } else if (paramsNode.kind !== ts.SyntaxKind.VoidKeyword) {
                contract.problems.push(`${source}: Params must be void or an object type literal`);
                continue;
            }
            contract.methods.push({ className, methodName, params, result: toTsType(resultNode, file), source });
        }
    }
    const declared = new Set(contract.interfaces.map((i) => `Apex.${i.name}`));
    for (const dto of contract.interfaces) {
        const scope = scopes.get(dto) ?? [];
        dto.fields = dto.fields.map((field) => ({ ...field, type: qualify(field.type, scope, declared) }));
    }
    return contract;
}

/**
 * Resolves a name used inside `namespace Apex.X { ... }` as TypeScript does, innermost
 * namespace first: `Row` there means `Apex.X.Row` when that interface exists.
 */
function qualify(type: TsType, scope: string[], declared: Set<string>): TsType {
    switch (type.kind) {
        case 'array':
            return { kind: 'array', element: qualify(type.element, scope, declared) };
        case 'record':
            return { kind: 'record', key: type.key, value: qualify(type.value, scope, declared) };
        case 'union':
            return { kind: 'union', members: type.members.map((m) => qualify(m, scope, declared)) };
        case 'ref':
            for (let depth = scope.length; depth > 0; depth--) {
                const candidate = [...scope.slice(0, depth), type.name].join('.');
                if (declared.has(candidate)) return { kind: 'ref', name: candidate };
            }
            return type;
        default:
            return type;
    }
}

/** @returns the `Params` and `Result` type arguments of the block's `ApexMethod` constant */
function apexMethodOf(block: ts.ModuleBlock): [ts.TypeNode, ts.TypeNode] | null {
    for (const statement of block.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const declaration of statement.declarationList.declarations) {
            const type = declaration.type;
            if (
                type &&
                ts.isTypeReferenceNode(type) &&
                ts.isIdentifier(type.typeName) &&
                type.typeName.text === 'ApexMethod' &&
                type.typeArguments?.length === 2
            ) {
                return [type.typeArguments[0], type.typeArguments[1]];
            }
        }
    }
    return null;
}

function declarationFiles(dir: string, found: string[] = []): string[] {
    for (const entry of readdirSync(dir)) {
        const full = join(dir, entry);
        if (statSync(full).isDirectory()) declarationFiles(full, found);
        else if (entry.endsWith('.d.ts')) found.push(full);
    }
    return found.sort();
}

function apexTypesOf(sources: { path: string; source: string }[]): ApexType[] {
    return sources
        .filter(({ path }) => path.endsWith('.cls'))
        .flatMap(({ path, source }) =>
            describeApexTypes(parseApex(source, path)).map((type) => ({ ...type, file: relative(ROOT, path) })),
        );
}

/** Compares inline Apex classes with an inline declaration file. */
function mismatches(apexSources: string[], declarations: string): string[] {
    const contract = readTsContract([{ path: 'fixture.d.ts', text: declarations }]);
    const apexTypes = apexTypesOf(apexSources.map((source, i) => ({ path: `Fixture${i}.cls`, source })));
    return [...contract.problems, ...compareContract({ apexTypes, ...contract })];
}

const CONTROLLER = `
public with sharing class AccountController {
    @AuraEnabled(cacheable=true)
    public static List<AccountService.Row> search(String term, Integer pageSize, Map<String, Object> filters) {
        SetupAssistantAccess.assertAdmin();
        return null;
    }
    @AuraEnabled
    public static void save(Account record, Set<Id> contactIds) {
        SetupAssistantAccess.assertAdmin();
    }
}`;
const SERVICE = `
public with sharing class AccountService {
    public enum Status { ACTIVE, INACTIVE }
    public class Row {
        @AuraEnabled public Id id;
        @AuraEnabled public String name { get; set; }
        @AuraEnabled public Decimal revenue;
        @AuraEnabled public Date created;
        @AuraEnabled public Status status;
        @AuraEnabled public List<Row> children;
        public String internalOnly;
    }
}`;
const GOOD_DECLARATIONS = `
declare module '@salesforce/apex/AccountController.search' {
    const search: ApexMethod<{ term: string; pageSize?: number | null; filters: Record<string, unknown> }, Apex.AccountService.Row[]>;
    export default search;
}
declare module '@salesforce/apex/AccountController.save' {
    const save: ApexMethod<{ record: Account; contactIds: Array<string> }, void>;
    export default save;
}
declare namespace Apex.AccountService {
    interface Row {
        id: string;
        name?: string | null;
        revenue: number;
        created: string;
        status: string;
        children: Row[] | null;
    }
}`;

describe('apex contract: each kind of drift is caught', () => {
    it('accepts a declaration that mirrors the Apex (nullable, optional, aliases, SObjects, scoped names)', () => {
        expect(mismatches([CONTROLLER, SERVICE], GOOD_DECLARATIONS)).toEqual([]);
    });

    it('catches a declared method that Apex does not have', () => {
        const declarations = GOOD_DECLARATIONS.replace('AccountController.save', 'AccountController.store');
        expect(mismatches([CONTROLLER, SERVICE], declarations)).toEqual([
            expect.stringContaining(
                '@salesforce/apex/AccountController.store: no method store in Apex AccountController',
            ),
            expect.stringContaining('Apex @AuraEnabled method AccountController.save'),
        ]);
    });

    it('catches a declared class that Apex does not have', () => {
        const declarations = GOOD_DECLARATIONS.replace('AccountController.save', 'AccountCtrl.save');
        expect(mismatches([CONTROLLER, SERVICE], declarations)).toEqual([
            expect.stringContaining('no top-level Apex class AccountCtrl'),
            expect.stringContaining('Apex @AuraEnabled method AccountController.save'),
        ]);
    });

    it('catches a method that is not @AuraEnabled or not static', () => {
        const apex = CONTROLLER.replace('@AuraEnabled\n    public static void save', 'public static void save');
        expect(mismatches([apex, SERVICE], GOOD_DECLARATIONS)).toEqual([
            expect.stringContaining('AccountController.save exists but is not an @AuraEnabled static method'),
        ]);
    });

    it('catches a renamed parameter, on either side', () => {
        const declarations = GOOD_DECLARATIONS.replace('term: string', 'query: string');
        expect(mismatches([CONTROLLER, SERVICE], declarations)).toEqual([
            expect.stringContaining('Apex parameter term (String) is missing from Params'),
            expect.stringContaining('Params has query, which the Apex method does not take'),
        ]);
    });

    it('catches a parameter of the wrong type', () => {
        const declarations = GOOD_DECLARATIONS.replace('pageSize?: number | null', 'pageSize: string');
        expect(mismatches([CONTROLLER, SERVICE], declarations)).toEqual([
            expect.stringMatching(/parameter pageSize: Apex Integer needs number, declared string$/),
        ]);
    });

    it('catches Params declared void for a method that takes parameters', () => {
        const declarations = GOOD_DECLARATIONS.replace(
            '{ record: Account; contactIds: Array<string> }, void',
            'void, void',
        );
        expect(mismatches([CONTROLLER, SERVICE], declarations)).toEqual([
            expect.stringContaining('Apex parameter record (Account) is missing from Params'),
            expect.stringContaining('Apex parameter contactIds (Set<Id>) is missing from Params'),
        ]);
    });

    it('catches a result of the wrong type', () => {
        const declarations = GOOD_DECLARATIONS.replace('Apex.AccountService.Row[]>', 'Apex.AccountService.Row>');
        expect(mismatches([CONTROLLER, SERVICE], declarations)).toEqual([
            expect.stringMatching(
                /result: Apex List<AccountService.Row> needs Apex.AccountService.Row\[\], declared Apex.AccountService.Row$/,
            ),
        ]);
    });

    it('catches `any` and unions, which would switch the type check off', () => {
        const declarations = GOOD_DECLARATIONS.replace('revenue: number', 'revenue: any').replace(
            'created: string',
            'created: string | number',
        );
        expect(mismatches([CONTROLLER, SERVICE], declarations)).toEqual([
            expect.stringContaining('field revenue: Apex Decimal needs number, declared any'),
            expect.stringContaining('field created: Apex Date needs string, declared string | number'),
        ]);
    });

    it('catches a DTO field that Apex lacks or does not serialise', () => {
        const declarations = GOOD_DECLARATIONS.replace(
            'revenue: number;',
            'revenue: number;\n        phone: string;\n        internalOnly: string;',
        );
        expect(mismatches([CONTROLLER, SERVICE], declarations)).toEqual([
            expect.stringContaining('field phone is not a field or property of Apex AccountService.Row'),
            expect.stringContaining('field internalOnly is not serialised to the UI'),
        ]);
    });

    it('catches an @AuraEnabled Apex field that the interface lacks', () => {
        const declarations = GOOD_DECLARATIONS.replace('revenue: number;', '');
        expect(mismatches([CONTROLLER, SERVICE], declarations)).toEqual([
            expect.stringContaining('interface Apex.AccountService.Row: lacks @AuraEnabled field revenue (Decimal)'),
        ]);
    });

    it('catches a DTO field of the wrong type', () => {
        const declarations = GOOD_DECLARATIONS.replace('status: string', 'status: boolean');
        expect(mismatches([CONTROLLER, SERVICE], declarations)).toEqual([
            expect.stringContaining('field status: Apex Status needs string, declared boolean'),
        ]);
    });

    it('catches an interface with no Apex class, and a DTO class with no interface', () => {
        const declarations = GOOD_DECLARATIONS.replace(
            'namespace Apex.AccountService',
            'namespace Apex.AccountSvc',
        ).replace(/Apex\.AccountService\.Row/g, 'Apex.AccountSvc.Row');
        expect(mismatches([CONTROLLER, SERVICE], declarations)).toEqual([
            expect.stringContaining('result: Apex List<AccountService.Row> needs Apex.AccountService.Row[]'),
            expect.stringContaining('interface Apex.AccountSvc.Row: no Apex class AccountSvc.Row'),
            expect.stringContaining(
                'Apex class AccountService.Row (Fixture1.cls:4) has @AuraEnabled fields but no interface',
            ),
        ]);
    });

    it('catches an @AuraEnabled Apex method that no declaration file declares', () => {
        const apex = CONTROLLER.replace(
            /}\s*$/,
            '    @AuraEnabled\n    public static Integer count() { SetupAssistantAccess.assertAdmin(); return 0; }\n}',
        );
        expect(mismatches([apex, SERVICE], GOOD_DECLARATIONS)).toEqual([
            "Apex @AuraEnabled method AccountController.count (Fixture0.cls:12) has no declare module '@salesforce/apex/AccountController.count' in types/apex",
        ]);
    });

    it('reports declarations it cannot read instead of skipping them', () => {
        const declarations = `${GOOD_DECLARATIONS}
declare module '@salesforce/apex/AccountController.other' {
    const other: (params: unknown) => Promise<void>;
    export default other;
}`;
        expect(mismatches([CONTROLLER, SERVICE], declarations)).toEqual([
            expect.stringContaining("'@salesforce/apex/AccountController.other' must declare const m: ApexMethod"),
        ]);
    });
});

describe('apex contract of this repository', () => {
    it('types/ and force-app agree', () => {
        const files = declarationFiles(join(ROOT, 'types')).map((path) => ({
            path: relative(ROOT, path),
            text: readFileSync(path, 'utf8'),
        }));
        const contract = readTsContract(files);
        const apexTypes = apexTypesOf(readApexSources(ROOT));
        // Guards against a reader that silently finds nothing.
        expect(contract.methods.length).toBeGreaterThan(0);
        expect(contract.interfaces.length).toBeGreaterThan(0);
        expect([...contract.problems, ...compareContract({ apexTypes, ...contract })]).toEqual([]);
    });
});
