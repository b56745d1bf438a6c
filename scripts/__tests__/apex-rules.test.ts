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
const { checkApexSource, RULES, FACTORY_SETUP_DML_METHODS, setupDmlEvidence } = require('../lib/apex-rules') as {
    checkApexSource(input: { path: string; source: string; labels?: Map<string, string> }): Finding[];
    RULES: Record<string, string>;
    FACTORY_SETUP_DML_METHODS: Set<string>;
    setupDmlEvidence(tree: unknown): { line: number; what: string }[];
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

describe('no-parallel-setup-dml', () => {
    const testClass = (body: string, annotation = '@IsTest(IsParallel=true)') => `${annotation}
private with sharing class Fixture_Tests {
    @IsTest
    static void it_should_work() {
${body}
    }
}`;

    it.each([
        ['an insert of a new User', "insert new User(LastName = 'x');"],
        ['an insert as system of a variable declared as User', 'User u = new User();\ninsert as system u;'],
        ['an update of a list of UserRole', 'List<UserRole> roles = new List<UserRole>();\nupdate roles;'],
        ['a delete of a PermissionSetAssignment', 'PermissionSetAssignment a;\ndelete a;'],
        ['an upsert of GroupMember records', 'GroupMember[] members;\nupsert members;'],
        ['Database.insert of users', 'List<User> users = new List<User>();\nDatabase.insert(users, false);'],
        [
            'System.Database.insert of a new PermissionSetLicenseAssign',
            'System.Database.insert(new PermissionSetLicenseAssign());',
        ],
        ['a TestDataFactory method that creates a user', "User admin = TestDataFactory.createAdminWithRole('a');"],
    ])('rejects IsParallel=true with %s', (_name, body) => {
        expect(check(testClass(body))).toEqual(['1 no-parallel-setup-dml']);
        expect(check(testClass(body, '@isTest( isParallel = TRUE )'))).toEqual(['1 no-parallel-setup-dml']);
    });

    it('names what it found, so the fix is obvious', () => {
        const [finding] = checkApexSource({
            path: 'F.cls',
            source: testClass("TestDataFactory.createInternalUser('a', true);"),
        });
        expect(finding.message).toContain('TestDataFactory.createInternalUser() (line 5)');
    });

    it('accepts the same class without IsParallel=true, and parallel classes without setup DML', () => {
        expect(check(testClass('insert new User();', '@IsTest'))).toEqual([]);
        expect(check(testClass('insert new User();', '@IsTest(IsParallel=false)'))).toEqual([]);
        // Setup objects built in memory only, non-setup DML, and factory methods that do not insert.
        const pure = `User me = new User(Id = UserInfo.getUserId());
PermissionSet p = new PermissionSet();
insert new Account(Name = 'a');
User built = TestDataFactory.newInternalUser('a');
List<Contact> contacts = TestDataFactory.createContacts(me, 2);`;
        expect(check(testClass(pure))).toEqual([]);
    });

    it('honours a reasoned suppression above the annotation', () => {
        const source = `// ccsa-scan-ignore no-parallel-setup-dml: a fixture\n${testClass('insert new User();')}`;
        expect(check(source)).toEqual([]);
    });

    it('knows every TestDataFactory method that writes setup objects', () => {
        const factory = readApexSources().find((source) => source.path.endsWith('/TestDataFactory.cls'));
        expect(factory).toBeDefined();
        // A method writes setup objects when it does so itself or calls a sibling that does.
        const tree = parseApex(factory!.source) as { typeDeclaration(): unknown };
        const methods = collectMethods(tree);
        const writes = new Set(methods.filter((m) => setupDmlEvidence(m.node).length > 0).map((m) => m.name));
        let grew = true;
        while (grew) {
            grew = false;
            for (const m of methods) {
                if (!writes.has(m.name) && [...writes].some((w) => new RegExp(`\\b${w}\\(`, 'i').test(m.text))) {
                    writes.add(m.name);
                    grew = true;
                }
            }
        }
        expect([...writes].map((name) => name.toLowerCase()).sort()).toEqual([...FACTORY_SETUP_DML_METHODS].sort());
    });
});

/** The methods of a parsed class: name, body text and node. */
function collectMethods(tree: unknown): { name: string; text: string; node: unknown }[] {
    interface Node {
        children?: Node[];
        constructor: { name: string };
        id?: () => { getText(): string };
        getText(): string;
    }
    const found: { name: string; text: string; node: unknown }[] = [];
    const visit = (node: Node) => {
        if (node.constructor.name === 'MethodDeclarationContext' && node.id) {
            found.push({ name: node.id().getText(), text: node.getText(), node });
        }
        (node.children ?? []).forEach(visit);
    };
    visit(tree as Node);
    return found;
}

describe('format-label-apostrophe', () => {
    const labels = new Map([
        ['Has_Apostrophe', "Make it on the user's page: {0}"],
        ['Escaped', "Make it on the user''s page: {0}"],
        ['Plain', 'Refused: {0}'],
        ['Other_Apostrophe', "It's {0}"],
    ]);
    const method = (body: string) => `public with sharing class Fixture {
    public String run(String action, Object error) {
${body}
    }
    private static String refusedLabel(String action) {
        if (action == 'A') {
            return System.Label.Plain;
        }
        return Label.Other_Apostrophe;
    }
}`;
    const checkWith = (body: string) =>
        checkApexSource({ path: 'Fixture.cls', source: method(body), labels }).map((f) => `${f.line} ${f.rule}`);

    it.each([
        ['System.Label', 'return String.format(System.Label.Has_Apostrophe, new List<Object>{ error });'],
        ['Label, any case', 'return string.FORMAT(label.has_apostrophe, new List<Object>{ error });'],
        [
            'a same-file method that returns labels',
            'return String.format(refusedLabel(action), new List<Object>{ error });',
        ],
        [
            'a local variable set to a label',
            'String pattern = System.Label.Has_Apostrophe;\nreturn String.format(pattern, null);',
        ],
    ])('rejects a label with an unescaped apostrophe used through %s', (_name, body) => {
        expect(checkWith(body)).toEqual([`${body.split('\n').length + 2} format-label-apostrophe`]);
    });

    it('names the label and the fix', () => {
        const [finding] = checkApexSource({
            path: 'Fixture.cls',
            source: method('return String.format(System.Label.Has_Apostrophe, null);'),
            labels,
        });
        expect(finding.message).toContain('Has_Apostrophe');
        expect(finding.message).toContain("write it as ''");
    });

    it("accepts '' , labels without apostrophes, unknown labels, and apostrophes outside String.format", () => {
        expect(checkWith('return String.format(System.Label.Escaped, null);')).toEqual([]);
        expect(checkWith('return String.format(System.Label.Plain, null);')).toEqual([]);
        expect(checkWith('return String.format(System.Label.Not_In_The_Map, null);')).toEqual([]);
        expect(checkWith('return System.Label.Has_Apostrophe + error;')).toEqual([]);
        expect(checkWith("return String.format('{0}', new List<Object>{ System.Label.Has_Apostrophe });")).toEqual([]);
    });

    it('honours a reasoned suppression', () => {
        const body = `// ccsa-scan-ignore format-label-apostrophe: a fixture
return String.format(System.Label.Has_Apostrophe, null);`;
        expect(checkWith(body)).toEqual([]);
    });
});

describe('psa-snapshot-group', () => {
    const selector = (method: string, fields: string, extra = '') => `public with sharing class Fixture {
    public List<PermissionSetAssignment> ${method}(Set<Id> userIds) {
        return [
            SELECT ${fields}
            FROM PermissionSetAssignment
            WHERE AssigneeId IN :userIds
            WITH USER_MODE ${extra}
        ];
    }
}`;
    const LICENSE_UPGRADE = 'force-app/main/license-upgrade/classes/Fixture.cls';
    const ELSEWHERE = 'force-app/main/readiness/classes/Fixture.cls';

    it('rejects a snapshot query without PermissionSetGroupId or ExpirationDate', () => {
        expect(check(selector('snapshotAssignments', 'Id, AssigneeId, PermissionSetId'), ELSEWHERE)).toEqual([
            '3 psa-snapshot-group',
        ]);
        expect(check(selector('selectAssignments', 'Id, PermissionSetId, ExpirationDate'), LICENSE_UPGRADE)).toEqual([
            '3 psa-snapshot-group',
        ]);
        expect(
            check(selector('selectAssignments', 'Id, PermissionSetId, PermissionSetGroupId'), LICENSE_UPGRADE),
        ).toEqual(['3 psa-snapshot-group']);
        const [finding] = checkApexSource({ path: LICENSE_UPGRADE, source: selector('load', 'PermissionSetId') });
        expect(finding.message).toContain('without PermissionSetGroupId and ExpirationDate');
    });

    it('rejects it in a class named for snapshots too', () => {
        const source = selector('load', 'Id, PermissionSetId').replace('class Fixture', 'class AssignmentSnapshot');
        expect(check(source, ELSEWHERE)).toEqual(['3 psa-snapshot-group']);
    });

    it('accepts a snapshot with both fields, and queries that are not snapshots', () => {
        expect(
            check(selector('snapshot', 'Id, PermissionSetId, PermissionSetGroupId, ExpirationDate'), LICENSE_UPGRADE),
        ).toEqual([]);
        expect(check(selector('selectAssignments', 'AssigneeId, PermissionSetId'), ELSEWHERE)).toEqual([]);
        expect(check(selector('countAssignments', 'COUNT()'), LICENSE_UPGRADE)).toEqual([]);
        expect(
            check(
                selector('snapshotCounts', 'PermissionSetId, COUNT(Id) n', 'GROUP BY PermissionSetId'),
                LICENSE_UPGRADE,
            ),
        ).toEqual([]);
        expect(
            check(
                selector('selectLicenses', 'Id, AssigneeId').replace(
                    /PermissionSetAssignment\b(?=\n)/,
                    'PermissionSetLicenseAssign',
                ),
                LICENSE_UPGRADE,
            ),
        ).toEqual([]);
    });

    it('honours a reasoned suppression above the statement', () => {
        const source = selector('snapshot', 'Id, PermissionSetId').replace(
            '        return [',
            '        // ccsa-scan-ignore psa-snapshot-group: a fixture\n        return [',
        );
        expect(check(source, ELSEWHERE)).toEqual([]);
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
        expect(Object.keys(RULES)).toEqual([
            'guard-first',
            'sharing-declared',
            'no-soql-dml-in-loop',
            'no-parallel-setup-dml',
            'format-label-apostrophe',
            'psa-snapshot-group',
            'no-static-feature-object',
        ]);
    });

    it('passes every project rule', () => {
        const sources = readApexSources();
        expect(sources.length).toBeGreaterThan(0);
        expect(sources.flatMap((source) => checkApexSource(source))).toEqual([]);
    });
});

describe('no-static-feature-object', () => {
    const cls = (body: string) => `public with sharing class Fixture {
    public void run(Id networkId) {
${body}
    }
}`;

    it.each([
        ['a static SOQL on Network', 'List<SObject> rows = [SELECT Id FROM Network];'],
        ['a Network type', 'Network site;'],
        ['Network.SObjectType', 'Schema.SObjectType t = Network.SObjectType;'],
        ['Schema.Network.SObjectType', 'Schema.SObjectType t = Schema.Network.SObjectType;'],
        ['a NetworkMemberGroup list', 'List<NetworkMemberGroup> members = new List<NetworkMemberGroup>();'],
    ])('rejects %s (the package would not install without Digital Experiences)', (_name, body) => {
        expect(check(cls(body))).toEqual(['3 no-static-feature-object']);
    });

    it('accepts dynamic SOQL, describe calls and a field named Network on another object', () => {
        expect(
            check(
                cls(`Database.query('SELECT Id FROM Network');
Schema.SObjectType t = Schema.getGlobalDescribe().get('Network');
Account a = new Account();
Object value = a.get('Network');`),
            ),
        ).toEqual([]);
    });

    it('honours a reasoned suppression', () => {
        expect(
            check(cls('// ccsa-scan-ignore no-static-feature-object: the test org always has sites\nNetwork site;')),
        ).toEqual([]);
    });
});
