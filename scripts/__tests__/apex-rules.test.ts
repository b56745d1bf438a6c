/**
 * The project's Apex rules: each one catches its defect, accepts the correct form, honours a
 * reasoned suppression, and the repository's own Apex passes them all.
 *
 * The parser's `browser` export is an ES module bundle Jest cannot load; jsdom must stay (the
 * LWC Jest preset needs a DOM), so resolution is switched to the CommonJS build instead:
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
interface Finding {
    file: string;
    line: number;
    rule: string;
    message: string;
}

// CommonJS tooling that tsconfig does not read (no allowJs): typed here.
const { checkApexSource, RULES } = require('../lib/apex-rules') as {
    checkApexSource(input: { path: string; source: string }): Finding[];
    RULES: Record<string, string>;
};
const { readApexSources, parseApex } = require('../lib/apex-source') as {
    readApexSources(): { path: string; source: string }[];
    parseApex(source: string, file?: string): unknown;
};

/** Findings of one inline class as `line rule`, the shape the assertions read best in. */
function check(source: string, path = 'Fixture.cls'): string[] {
    return checkApexSource({ path, source }).map((f) => `${f.line} ${f.rule}`);
}

describe('guard-first', () => {
    const controller = (body: string, annotation = '@AuraEnabled') => `public with sharing class Fixture {
    ${annotation}
    public static String load(Id recordId) {
${body}
    }
}`;

    it('accepts the guard as the first statement, in any letter case', () => {
        expect(check(controller('        SetupAssistantAccess.assertAdmin();\n        return null;'))).toEqual([]);
        expect(check(controller('        setupAssistantAccess.ASSERTADMIN();\n        return null;'))).toEqual([]);
    });

    it('rejects a method that runs something before the guard', () => {
        const findings = checkApexSource({
            path: 'Fixture.cls',
            source: controller(
                '        String name = recordId;\n        SetupAssistantAccess.assertAdmin();\n        return name;',
            ),
        });
        expect(findings).toEqual([
            {
                file: 'Fixture.cls',
                line: 3,
                rule: 'guard-first',
                message: expect.stringContaining('found: String name = recordId;'),
            },
        ]);
    });

    it('rejects a method without the guard, an empty method, and a guard hidden in a condition', () => {
        expect(check(controller('        return null;'))).toEqual(['3 guard-first']);
        expect(check(controller(''))).toEqual(['3 guard-first']);
        expect(
            check(controller('        if (true) { SetupAssistantAccess.assertAdmin(); }\n        return null;')),
        ).toEqual(['3 guard-first']);
    });

    it('recognises the annotation in any case form and with arguments', () => {
        expect(check(controller('        return null;', '@auraenabled(cacheable=true)'))).toEqual(['3 guard-first']);
        expect(check(controller('        return null;', "@AURAENABLED(Cacheable = true Scope = 'global')"))).toEqual([
            '3 guard-first',
        ]);
    });

    it('checks @AuraEnabled methods of inner classes, and ignores methods without the annotation', () => {
        const source = `public with sharing class Fixture {
    public static String plain() { return null; }
    public class Inner {
        @AuraEnabled
        public String unguarded() { return null; }
    }
}`;
        expect(check(source)).toEqual(['5 guard-first']);
    });
});

describe('sharing-declared', () => {
    it('accepts with, without and inherited sharing, on test classes too', () => {
        expect(check('public with sharing class A {}')).toEqual([]);
        expect(check('public without sharing class A {}')).toEqual([]);
        expect(check('public inherited sharing class A {}')).toEqual([]);
        expect(check('@IsTest\nprivate with sharing class A_Tests {}')).toEqual([]);
    });

    it('rejects a top-level class without a sharing keyword', () => {
        expect(check('public class A {}')).toEqual(['1 sharing-declared']);
        expect(check('@IsTest(IsParallel=false)\nprivate class A_Tests {}')).toEqual(['2 sharing-declared']);
        expect(check('global virtual class A {}')).toEqual(['1 sharing-declared']);
    });

    it('lets inner classes inherit, and does not apply to interfaces, enums and triggers', () => {
        expect(check('public with sharing class A {\n    public class Dto {}\n}')).toEqual([]);
        expect(check('public interface Shape {}')).toEqual([]);
        expect(check('public enum Colour { RED }')).toEqual([]);
        expect(check('trigger T on Account (before insert) {}', 'T.trigger')).toEqual([]);
    });
});

describe('no-soql-dml-in-loop', () => {
    const method = (body: string) => `public with sharing class Fixture {
    public void run(List<Account> accounts, String q) {
${body}
    }
}`;

    it.each([
        [
            'SOQL in a for-each body',
            'for (Account a : accounts) {\n    Contact c = [SELECT Id FROM Contact LIMIT 1];\n}',
            4,
        ],
        [
            'SOSL in a for body',
            "for (Integer i = 0; i < 2; i++) {\n    List<List<SObject>> r = [FIND 'x' RETURNING Account];\n}",
            4,
        ],
        ['insert in a while loop', 'while (accounts.isEmpty()) {\n    insert accounts;\n}', 4],
        ['update in a do loop', 'do {\n    update accounts;\n} while (false);', 4],
        ['upsert', 'for (Account a : accounts) {\n    upsert a;\n}', 4],
        ['delete as user', 'for (Account a : accounts) {\n    delete as user a;\n}', 4],
        ['undelete', 'for (Account a : accounts) {\n    undelete a;\n}', 4],
        ['merge', 'for (Account a : accounts) {\n    merge accounts[0] a;\n}', 4],
        ['Database.query', 'for (Account a : accounts) {\n    Database.query(q);\n}', 4],
        ['System.Database.insert', 'for (Account a : accounts) {\n    System.Database.insert(a, false);\n}', 4],
        ['Database.getQueryLocator', 'while (true) {\n    Database.getQueryLocator(q);\n}', 4],
        ['EventBus.publish', 'for (Account a : accounts) {\n    EventBus.publish(a);\n}', 4],
        [
            'a SOQL for-loop nested in another loop',
            'for (Account a : accounts) {\n    for (Contact c : [SELECT Id FROM Contact]) {}\n}',
            4,
        ],
        ['SOQL in a while condition', 'while ([SELECT COUNT() FROM Account] > 0) {\n    accounts.clear();\n}', 3],
        ['SOQL in a for condition', 'for (Integer i = 0; i < [SELECT COUNT() FROM Account]; i++) {}', 3],
        ['a loop body without braces', 'for (Account a : accounts)\n    insert a;', 4],
    ])('rejects %s', (_name, body, line) => {
        expect(check(method(body))).toEqual([`${line} no-soql-dml-in-loop`]);
    });

    it('accepts a SOQL for-loop, a query in a for initialiser, and queries or DML outside loops', () => {
        const body = `List<Account> found = [SELECT Id FROM Account];
for (Account a : [SELECT Id, (SELECT Id FROM Contacts) FROM Account WHERE Id IN :accounts]) {
    a.Name = 'x';
}
for (Integer i = [SELECT COUNT() FROM Account]; i > 0; i--) {
    accounts.add(new Account());
}
for (SObject s : Database.query(q)) {}
insert accounts;
Database.update(accounts, false);`;
        expect(check(method(body))).toEqual([]);
    });

    it('checks trigger bodies too', () => {
        const trigger =
            'trigger T on Account (after insert) {\n    for (Account a : Trigger.new) {\n        update a;\n    }\n}';
        expect(check(trigger, 'T.trigger')).toEqual(['3 no-soql-dml-in-loop']);
    });
});

describe('ccsa-scan-ignore suppressions', () => {
    const loop = (comment: string) => `public with sharing class Fixture {
    public void run(List<Account> accounts) {
        for (Account a : accounts) {
${comment}
            insert a;
        }
    }
}`;

    it('suppresses the finding on the next line when it names the rule and gives a reason', () => {
        expect(
            check(loop('            // ccsa-scan-ignore no-soql-dml-in-loop: at most two accounts, by contract')),
        ).toEqual([]);
    });

    it('does not suppress without a reason, and reports the bare comment', () => {
        expect(check(loop('            // ccsa-scan-ignore no-soql-dml-in-loop'))).toEqual([
            '4 suppression',
            '5 no-soql-dml-in-loop',
        ]);
        expect(check(loop('            // ccsa-scan-ignore no-soql-dml-in-loop:   '))).toEqual([
            '4 suppression',
            '5 no-soql-dml-in-loop',
        ]);
    });

    it('does not suppress another rule, and reports unknown rule names', () => {
        expect(check(loop('            // ccsa-scan-ignore guard-first: wrong rule'))).toEqual([
            '4 suppression',
            '5 no-soql-dml-in-loop',
        ]);
        expect(check(loop('            // ccsa-scan-ignore soql-in-loop: misspelt'))).toEqual([
            '4 suppression',
            '5 no-soql-dml-in-loop',
        ]);
    });

    it('reports a suppression that suppresses nothing, so stale ones are removed', () => {
        const source = '// ccsa-scan-ignore sharing-declared: left over\npublic with sharing class A {}';
        const findings = checkApexSource({ path: 'A.cls', source });
        expect(findings).toEqual([expect.objectContaining({ line: 1, rule: 'suppression' })]);
        expect(findings[0].message).toContain('suppresses nothing');
    });

    it('sits above the annotation of a method, or above the statement holding a multi-line query', () => {
        const source = `// ccsa-scan-ignore sharing-declared: a fixture
public class Fixture {
    // ccsa-scan-ignore guard-first: a fixture
    @AuraEnabled
    public static void open() {}
    public void run(List<Account> accounts) {
        while (true) {
            // ccsa-scan-ignore no-soql-dml-in-loop: a fixture
            List<Contact> contacts = accounts.isEmpty() ? null : [
                SELECT Id FROM Contact
            ];
        }
    }
}`;
        expect(check(source)).toEqual([]);
    });
});

describe('syntax errors', () => {
    it('are a finding, never an empty result', () => {
        const findings = checkApexSource({
            path: 'Broken.cls',
            source: 'public with sharing class Broken {\n    void f() { x = ; }\n}',
        });
        expect(findings).toEqual([expect.objectContaining({ file: 'Broken.cls', line: 2, rule: 'syntax' })]);
    });

    it('make the shared parser throw', () => {
        expect(() => parseApex('public class {', 'Broken.cls')).toThrow(/Broken\.cls:1/);
    });
});

describe('this repository', () => {
    it('has the documented rules', () => {
        expect(Object.keys(RULES)).toEqual(['guard-first', 'sharing-declared', 'no-soql-dml-in-loop']);
    });

    it('passes every project rule', () => {
        const sources = readApexSources();
        expect(sources.length).toBeGreaterThan(0);
        expect(sources.flatMap((source) => checkApexSource(source))).toEqual([]);
    });
});
