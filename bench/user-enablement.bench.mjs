// Benchmark (enable users, part 1): deriving and validating 10,000 contacts, the largest
// selection, must stay linear. Prints the median total and the time per row, and the ratio of
// 10,000 rows to 1,000 rows (about 10 when linear); exits 1 when a row costs more than the limit
// or the ratio shows quadratic growth.
import { planEnablement, MAX_SELECTION } from 'c/userEnablement';

const ROUNDS = 15;
const LIMIT_US_PER_ROW = 50;
const LIMIT_SCALING = 20;

const FIRST = ['John', 'Jane', 'Émile', 'Zoë', 'Łukasz', 'Ann', 'Søren', 'José', '小明', 'Hubert'];
const LAST = ['Doe', 'Smith', 'Müller', 'Ørsted', 'García', 'Wolfeschlegelsteinhausenbergerdorff', '王', 'Nguyễn'];

function contacts(count) {
    const rows = [];
    for (let i = 0; i < count; i++) {
        rows.push({
            id: `003${String(i).padStart(12, '0')}AAA`,
            firstName: FIRST[i % FIRST.length],
            lastName: LAST[i % LAST.length],
            // Every tenth email is shared by several contacts; a few are malformed or missing.
            email: i % 97 === 0 ? 'not an email' : i % 10 === 0 ? `Shared${i % 7}@Acme.com` : `user${i}@acme.com`,
            accountId: i % 211 === 0 ? null : `001${String(i % 500).padStart(12, '0')}AAA`,
            accountName: `Account ${i % 500}`,
            accountOwnerHasRole: i % 301 !== 0,
            existingUserId: i % 401 === 0 ? `005${String(i).padStart(12, '0')}AAA` : null,
            existingUserLicenseName: i % 802 === 0 ? 'Customer Community' : 'Customer Community Plus',
        });
    }
    return rows;
}

function org(count) {
    const takenUsernames = [];
    const takenNicknames = [];
    for (let i = 0; i < count / 5; i++) {
        takenUsernames.push(`user${i * 5}@acme.com.ccsa`);
        takenNicknames.push(i === 0 ? 'jdoe' : `jdoe${i}`);
    }
    return {
        takenUsernames: new Set(takenUsernames),
        takenNicknames: new Set(takenNicknames),
        profile: {
            id: '00e000000000010AAA',
            name: 'Customer Community Plus User - Contracts',
            licenseName: 'Customer Community Plus',
            permissionsApiEnabled: true,
        },
        licenseSeatsLeft: 20000,
        permissionSets: [
            {
                id: '0PS000000000001AAA',
                name: 'DocGenRuntimeCommunityUser',
                label: 'DocGen Run-time Community User',
                permissionSetLicenseId: '0PL000000000001AAA',
            },
            {
                id: '0PS000000000002AAA',
                name: 'ContractManagementCCPlusDigitalExperienceUser',
                label: 'Contract Management CC Plus Digital Experience User',
                permissionSetLicenseId: '0PL000000000002AAA',
            },
        ],
        permissionSetLicenses: [
            { id: '0PL000000000001AAA', label: 'DocGen Runtime Community', seatsLeft: 20000 },
            { id: '0PL000000000002AAA', label: 'CLM Digital Experience', seatsLeft: 20000 },
        ],
        adminDefaults: {
            TimeZoneSidKey: 'Europe/Paris',
            LocaleSidKey: 'fr_FR',
            LanguageLocaleKey: 'fr',
            EmailEncodingKey: 'UTF-8',
        },
    };
}

function options(rows) {
    // Every fiftieth row carries an admin override; some of them collide.
    const overrides = {};
    for (let i = 0; i < rows.length; i += 50) {
        overrides[rows[i].id] = { CommunityNickname: `typed${i % 1000}`, Username: `typed${i}@acme.com.ccsa` };
    }
    return { usernameSuffix: '.ccsa', overrides };
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

function measure(count) {
    const rows = contacts(count);
    const facts = org(count);
    const opts = options(rows);
    for (let i = 0; i < 3; i++) planEnablement(rows, facts, opts);
    const times = [];
    let plan;
    for (let round = 0; round < ROUNDS; round++) {
        const started = process.hrtime.bigint();
        plan = planEnablement(rows, facts, opts);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return { ms: median(times), plan };
}

const small = measure(MAX_SELECTION / 10);
const full = measure(MAX_SELECTION);
const perRowUs = (full.ms * 1000) / MAX_SELECTION;
const scaling = full.ms / small.ms;
const problems = full.plan.rows.reduce((sum, row) => sum + row.problems.length, 0);
console.log(
    `user enablement: ${MAX_SELECTION} contacts, ${full.plan.enableCount} enableable, ${problems} row problems`,
);
console.log(`  planEnablement (derive + validate): ${full.ms.toFixed(1)} ms (median of ${ROUNDS})`);
console.log(`  per row:                            ${perRowUs.toFixed(2)} µs (limit ${LIMIT_US_PER_ROW})`);
console.log(
    `  ${MAX_SELECTION / 10} rows: ${small.ms.toFixed(1)} ms; ratio 10x rows / 1x: ${scaling.toFixed(1)} (linear ≈ 10, limit ${LIMIT_SCALING})`,
);
if (perRowUs > LIMIT_US_PER_ROW) {
    console.error(`user enablement costs ${perRowUs.toFixed(2)} µs per row, over the limit of ${LIMIT_US_PER_ROW}`);
    process.exitCode = 1;
}
if (scaling > LIMIT_SCALING) {
    console.error(`user enablement grows ${scaling.toFixed(1)}x for 10x rows: not linear`);
    process.exitCode = 1;
}
