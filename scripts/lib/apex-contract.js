// Compares the UI's declared Apex contract (types/apex/*.d.ts) with the Apex source. The LWCs
// are type-checked against the declarations only, so a renamed parameter, a changed return
// type or a DTO field dropped in Apex would otherwise compile, pass the Jest tests (which mock
// Apex) and fail only in an org. Pure: both sides arrive as plain descriptions (the Apex side
// from scripts/lib/apex-source.js, the TypeScript side from the contract test), and the output
// is a list of human-readable mismatches, empty when the two agree.
//
// Nullability is not compared: every Apex value, primitives included, may be null, so `?`,
// `| null` and `| undefined` are accepted anywhere on the TypeScript side.

/**
 * A TypeScript type reduced to what the contract can express.
 * @typedef {{ kind: 'string' | 'number' | 'boolean' | 'unknown' | 'void' | 'null' | 'undefined' | 'any'
 *     | 'never' | 'object' }
 *   | { kind: 'array', element: TsType }
 *   | { kind: 'record', key: TsType, value: TsType }
 *   | { kind: 'ref', name: string }
 *   | { kind: 'union', members: TsType[] }
 *   | { kind: 'literal', value: string | number | boolean }
 *   | { kind: 'unsupported', text: string }} TsType
 *
 * @typedef {{ name: string, type: TsType, optional?: boolean }} TsMember
 *
 * @typedef {object} TsMethod one `declare module '@salesforce/apex/<Class>.<method>'`
 * @property {string} className
 * @property {string} methodName
 * @property {TsMember[] | null} params null for `void`
 * @property {TsType} result
 * @property {string} source where it is declared, for messages
 *
 * @typedef {object} TsInterface one `Apex.<Class>[.<Inner>]` interface
 * @property {string} name `Class` or `Class.Inner`
 * @property {TsMember[]} fields
 * @property {string} source
 *
 * @typedef {import('./apex-source').ApexTypeDescription & { file?: string }} ApexType
 * @typedef {{ name: string, args: ApexTypeRef[], arrays: number }} ApexTypeRef
 */

/** Apex scalar types by lower-cased name; Date/Datetime/Time travel as ISO strings, Blob as base64. */
const SCALARS = {
    id: 'string',
    string: 'string',
    blob: 'string',
    date: 'string',
    datetime: 'string',
    time: 'string',
    boolean: 'boolean',
    integer: 'number',
    long: 'number',
    decimal: 'number',
    double: 'number',
    object: 'unknown',
    void: 'void',
};

/**
 * @param {string} text Apex type text, e.g. `List<Map<String, Foo.Bar>>` or `Account[]`
 * @returns {ApexTypeRef}
 */
function parseApexType(text) {
    const source = text.replace(/\s+/g, '');
    let index = 0;
    const parse = () => {
        const name = /^[\w.]+/.exec(source.slice(index));
        if (!name) throw new Error(`Cannot read Apex type '${text}' at ${index}`);
        index += name[0].length;
        const ref = { name: name[0], args: [], arrays: 0 };
        if (source[index] === '<') {
            do {
                index += 1;
                ref.args.push(parse());
            } while (source[index] === ',');
            if (source[index] !== '>') throw new Error(`Cannot read Apex type '${text}': expected '>' at ${index}`);
            index += 1;
        }
        while (source.startsWith('[]', index)) {
            ref.arrays += 1;
            index += 2;
        }
        return ref;
    };
    const ref = parse();
    if (index !== source.length)
        throw new Error(`Cannot read Apex type '${text}': unexpected '${source.slice(index)}'`);
    return ref;
}

/** @param {TsType} type */
function formatTs(type) {
    switch (type.kind) {
        case 'array': {
            const element = formatTs(type.element);
            return type.element.kind === 'union' ? `(${element})[]` : `${element}[]`;
        }
        case 'record':
            return `Record<${formatTs(type.key)}, ${formatTs(type.value)}>`;
        case 'ref':
            return type.name;
        case 'union':
            return type.members.map(formatTs).join(' | ');
        case 'literal':
            return JSON.stringify(type.value);
        case 'unsupported':
            return type.text;
        default:
            return type.kind;
    }
}

/** @param {ApexTypeRef} ref */
function formatApex(ref) {
    const args = ref.args.length > 0 ? `<${ref.args.map(formatApex).join(', ')}>` : '';
    return `${ref.name}${args}${'[]'.repeat(ref.arrays)}`;
}

/** Drops null/undefined from a union (see the nullability note at the top). */
function withoutNullish(type) {
    if (type.kind === 'null' || type.kind === 'undefined') return null;
    if (type.kind !== 'union') return type;
    const members = type.members.filter((m) => m.kind !== 'null' && m.kind !== 'undefined');
    if (members.length === 0) return null;
    return members.length === 1 ? members[0] : { kind: 'union', members };
}

/**
 * Resolves an Apex class name as the compiler would from inside `outer`: an inner class of
 * `outer` first, then a top-level class. The namespace prefix is optional in Apex.
 *
 * @param {string} name
 * @param {{ outer: string, types: Map<string, ApexType>, namespace: string }} context
 * @returns {ApexType | undefined}
 */
function resolveApexType(name, context) {
    let lower = name.toLowerCase();
    if (lower.startsWith(`${context.namespace.toLowerCase()}.`)) lower = lower.slice(context.namespace.length + 1);
    if (!lower.includes('.')) {
        const inner = context.types.get(`${context.outer.toLowerCase()}.${lower}`);
        if (inner) return inner;
    }
    return context.types.get(lower);
}

/**
 * @param {ApexTypeRef} apex
 * @returns {{ element: ApexTypeRef } | { key: ApexTypeRef, value: ApexTypeRef } | null} the
 *   collection shape of `T[]`, `List<T>`, `Set<T>` or `Map<K, V>`
 */
function collectionOf(apex) {
    if (apex.arrays > 0) return { element: { ...apex, arrays: apex.arrays - 1 } };
    const lower = apex.name.toLowerCase().replace(/^system\./, '');
    if ((lower === 'list' || lower === 'set') && apex.args.length === 1) return { element: apex.args[0] };
    if (lower === 'map' && apex.args.length === 2) return { key: apex.args[0], value: apex.args[1] };
    return null;
}

/**
 * @param {ApexTypeRef} apex
 * @param {{ outer: string, types: Map<string, ApexType>, namespace: string }} context
 * @returns {string} the TypeScript the contract expects for the Apex type, for messages
 */
function expectedTs(apex, context) {
    const collection = collectionOf(apex);
    if (collection && 'element' in collection) return `${expectedTs(collection.element, context)}[]`;
    if (collection) return `Record<string, ${expectedTs(collection.value, context)}>`;
    const scalar = SCALARS[apex.name.toLowerCase().replace(/^system\./, '')];
    if (scalar) return scalar;
    const resolved = resolveApexType(apex.name, context);
    if (resolved && resolved.kind === 'enum') return 'string';
    if (resolved) return `Apex.${resolved.name}`;
    return `${apex.name.split('.').pop()} | Record<string, unknown>`;
}

/**
 * @param {ApexTypeRef} apex
 * @param {TsType} declared
 * @param {{ outer: string, types: Map<string, ApexType>, namespace: string }} context
 * @returns {boolean}
 */
function compatible(apex, declared, context) {
    const ts = withoutNullish(declared);
    // A union of real types, `any` or an unsupported construct never mirrors one Apex type:
    // accepting `any` would switch the check off for that member.
    if (!ts || ts.kind === 'union' || ts.kind === 'any' || ts.kind === 'unsupported') return false;
    const collection = collectionOf(apex);
    if (collection && 'element' in collection) {
        return ts.kind === 'array' && compatible(collection.element, ts.element, context);
    }
    if (collection) {
        const key = collection.key.name.toLowerCase();
        return (
            (key === 'string' || key === 'id') &&
            ts.kind === 'record' &&
            ts.key.kind === 'string' &&
            compatible(collection.value, ts.value, context)
        );
    }
    const scalar = SCALARS[apex.name.toLowerCase().replace(/^system\./, '')];
    if (scalar) return ts.kind === scalar;
    const resolved = resolveApexType(apex.name, context);
    if (resolved && resolved.kind === 'enum') return ts.kind === 'string';
    if (resolved) return ts.kind === 'ref' && ts.name === `Apex.${resolved.name}`;
    // Not one of ours: an SObject (or another platform type serialised as an object).
    const sobject = apex.name.split('.').pop().toLowerCase();
    if (ts.kind === 'ref') return ts.name.split('.').pop().toLowerCase() === sobject;
    return ts.kind === 'record' && ts.key.kind === 'string' && ts.value.kind === 'unknown';
}

/**
 * @param {{ apexTypes: ApexType[], methods: TsMethod[], interfaces: TsInterface[] }} contract
 * @param {{ namespace?: string }} [options]
 * @returns {string[]} mismatches; empty when the declarations and the Apex agree
 */
function compareContract({ apexTypes, methods, interfaces }, { namespace = 'ccsa' } = {}) {
    const problems = [];
    const types = new Map(apexTypes.map((t) => [t.name.toLowerCase(), t]));
    const contextOf = (type) => ({ outer: type.outer ?? type.name, types, namespace });
    const at = (type, line) => (type.file ? ` (${type.file}:${line})` : '');
    const typeMismatch = (label, apexText, declared, context) => {
        const apex = parseApexType(apexText);
        if (compatible(apex, declared, context)) return;
        problems.push(
            `${label}: Apex ${formatApex(apex)} needs ${expectedTs(apex, context)}, declared ${formatTs(declared)}`,
        );
    };

    const declaredMethods = new Set();
    for (const method of methods) {
        const label = `${method.source}: @salesforce/apex/${method.className}.${method.methodName}`;
        const key = `${method.className}.${method.methodName}`;
        if (declaredMethods.has(key)) problems.push(`${label}: declared more than once`);
        declaredMethods.add(key);
        const owner = types.get(method.className.toLowerCase());
        if (!owner || owner.outer !== null || owner.name !== method.className) {
            const hint = owner ? ` (Apex spells it ${owner.name})` : '';
            problems.push(`${label}: no top-level Apex class ${method.className}${hint}`);
            continue;
        }
        const named = owner.methods.filter((m) => m.name === method.methodName);
        const apexMethod = named.find((m) => m.auraEnabled && m.isStatic);
        if (!apexMethod) {
            const other = owner.methods.find((m) => m.name.toLowerCase() === method.methodName.toLowerCase());
            problems.push(
                named.length > 0
                    ? `${label}: ${owner.name}.${method.methodName} exists but is not an @AuraEnabled static method`
                    : `${label}: no method ${method.methodName} in Apex ${owner.name}${other ? ` (Apex spells it ${other.name})` : ''}`,
            );
            continue;
        }
        const context = contextOf(owner);
        const declaredParams = method.params ?? [];
        for (const param of apexMethod.params) {
            const declared = declaredParams.find((p) => p.name === param.name);
            if (!declared) {
                problems.push(`${label}: Apex parameter ${param.name} (${param.type}) is missing from Params`);
            } else {
                typeMismatch(`${label}: parameter ${param.name}`, param.type, declared.type, context);
            }
        }
        for (const param of declaredParams) {
            if (!apexMethod.params.some((p) => p.name === param.name)) {
                problems.push(`${label}: Params has ${param.name}, which the Apex method does not take`);
            }
        }
        typeMismatch(`${label}: result`, apexMethod.returnType, method.result, context);
    }
    for (const type of apexTypes) {
        for (const method of type.methods) {
            if (method.auraEnabled && !declaredMethods.has(`${type.name}.${method.name}`)) {
                problems.push(
                    `Apex @AuraEnabled method ${type.name}.${method.name}${at(type, method.line)} has no ` +
                        `declare module '@salesforce/apex/${type.name}.${method.name}' in types/apex`,
                );
            }
        }
    }

    const declaredInterfaces = new Set();
    for (const dto of interfaces) {
        const label = `${dto.source}: interface Apex.${dto.name}`;
        if (declaredInterfaces.has(dto.name)) problems.push(`${label}: declared more than once`);
        declaredInterfaces.add(dto.name);
        const owner = types.get(dto.name.toLowerCase());
        if (!owner || owner.kind !== 'class' || owner.name !== dto.name) {
            const hint = owner && owner.kind === 'class' ? ` (Apex spells it ${owner.name})` : '';
            problems.push(`${label}: no Apex class ${dto.name}${hint}`);
            continue;
        }
        const context = contextOf(owner);
        for (const field of dto.fields) {
            const apexField = owner.fields.find((f) => f.name === field.name);
            if (!apexField) {
                problems.push(`${label}: field ${field.name} is not a field or property of Apex ${owner.name}`);
            } else if (!apexField.auraEnabled || apexField.isStatic) {
                problems.push(
                    `${label}: field ${field.name} is not serialised to the UI ` +
                        `(Apex ${owner.name}.${field.name} must be @AuraEnabled and not static)`,
                );
            } else {
                typeMismatch(`${label}: field ${field.name}`, apexField.type, field.type, context);
            }
        }
        for (const apexField of owner.fields) {
            if (apexField.auraEnabled && !apexField.isStatic && !dto.fields.some((f) => f.name === apexField.name)) {
                problems.push(
                    `${label}: lacks @AuraEnabled field ${apexField.name} (${apexField.type})${at(owner, apexField.line)}`,
                );
            }
        }
    }
    for (const type of apexTypes) {
        const serialised = type.fields.some((f) => f.auraEnabled && !f.isStatic);
        if (type.kind === 'class' && serialised && !declaredInterfaces.has(type.name)) {
            problems.push(
                `Apex class ${type.name}${at(type, type.line)} has @AuraEnabled fields but no interface ` +
                    `Apex.${type.name} in types/`,
            );
        }
    }
    return problems;
}

module.exports = { compareContract, compatible, expectedTs, formatTs, parseApexType };
