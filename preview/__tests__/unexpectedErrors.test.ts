/**
 * Unexpected errors in the sample org, as `SetupAssistantAccess.toAuraException` handles them in
 * Apex: a sample implementation that fails with anything but an `ApexException` (the sample
 * org's stand-in for the package's own exceptions and AuraHandledException) reaches the UI as
 * the generic message with a reference, never its raw message, and leaves an ERROR log that the
 * History shows under that reference.
 */
import UNEXPECTED_ERROR from '@salesforce/label/c.CCSA_Error_Unexpected';
import { formatLabel } from 'c/labelFormat';
import { reduceErrors } from 'c/errorUtils';
import { apexMethod, ApexException, ERROR_ACTION, newErrorReference } from '../sample-org/apexMethod';
import { getHistory } from '../sample-org/apex/HistoryController';
import { createAccountsAndContacts } from '../sample-org/apex/UserSetupController';
import { resetSampleOrg, sampleOrg as org } from '../sample-org/org';

const REFERENCE = /CCSA-[0-9A-F]{10}/;

beforeEach(() => {
    resetSampleOrg();
    window.history.pushState({}, '', '/?latency=0');
});
afterEach(() => window.history.pushState({}, '', '/'));

function errorLogs() {
    return org.Setup_Assistant_Log__c.filter((log) => log.Action__c === ERROR_ACTION);
}

async function failureOf(call: () => Promise<unknown>): Promise<{ body: { message: string; exceptionType: string } }> {
    try {
        await call();
    } catch (error) {
        return error as { body: { message: string; exceptionType: string } };
    }
    throw new Error('the call did not fail');
}

describe('unexpected errors in the sample org', () => {
    it('makes references of CCSA- and ten hexadecimal digits, each new', () => {
        const first = newErrorReference();
        expect(first).toMatch(/^CCSA-[0-9A-F]{10}$/);
        expect(newErrorReference()).not.toBe(first);
    });

    it('turns a JavaScript error into the generic message with a reference, and logs the details', async () => {
        const method = apexMethod<void, never>(() => {
            throw new TypeError("Cannot read properties of undefined (reading 'Id')");
        }) as unknown as () => Promise<never>;
        const before = org.Setup_Assistant_Log__c.length;

        const failure = await failureOf(method);

        const reference = REFERENCE.exec(failure.body.message)?.[0] as string;
        expect(reference).toBeDefined();
        expect(failure.body.message).toBe(formatLabel(UNEXPECTED_ERROR, reference));
        expect(failure.body.message).not.toContain('Cannot read properties');
        expect(failure.body.exceptionType).toBe('System.AuraHandledException');
        expect(reduceErrors(failure)).toEqual([`Something went wrong. Reference: ${reference}`]);

        expect(org.Setup_Assistant_Log__c).toHaveLength(before + 1);
        const [log] = errorLogs();
        expect(log).toMatchObject({ Action__c: 'ERROR', Status__c: 'Failed', CreatedById: org.defaultRunningUserId });
        const lines = (log.Error__c ?? '').split('\n');
        expect(lines[0]).toBe(reference);
        expect(lines).toContain('Type: TypeError');
        expect(lines).toContain("Message: Cannot read properties of undefined (reading 'Id')");
        expect(log.Error__c).toContain(`(${org.defaultRunningUserId})`);
    });

    it('lets an ApexException through unchanged and logs nothing', async () => {
        const method = apexMethod<void, never>(() => {
            throw new ApexException('Choose a target license', 'ccsa.LicenseUpgradeService.UpgradeException');
        }) as unknown as () => Promise<never>;

        const failure = await failureOf(method);

        expect(failure.body).toMatchObject({
            message: 'Choose a target license',
            exceptionType: 'ccsa.LicenseUpgradeService.UpgradeException',
        });
        expect(failure.body.message).not.toMatch(REFERENCE);
        expect(errorLogs()).toEqual([]);
    });

    it('does the same for a sample controller that fails on a malformed request, and History finds it', async () => {
        const failure = await failureOf(() =>
            createAccountsAndContacts({ customers: [null as unknown as Apex.UserSetupService.NewCustomer] }),
        );

        const reference = REFERENCE.exec(failure.body.message)?.[0];
        expect(failure.body.message).toBe(formatLabel(UNEXPECTED_ERROR, reference));
        const page = await getHistory({ filter: { action: 'ERROR' } as Apex.HistoryService.HistoryFilter });
        expect(page.rows).toHaveLength(1);
        expect(page.rows[0]).toMatchObject({ action: 'ERROR', status: 'Failed' });
        expect(page.rows[0].error?.startsWith(`${reference}\n`)).toBe(true);
    });

    it('also reports a thrown value that is not an Error', async () => {
        const method = apexMethod<void, never>(() => {
            throw 'plain string';
        }) as unknown as () => Promise<never>;

        const failure = await failureOf(method);

        expect(failure.body.message).toMatch(REFERENCE);
        expect(errorLogs()[0].Error__c).toContain('Message: plain string');
    });

    it('masks the email addresses of an unexpected error in its log', async () => {
        const method = apexMethod<void, never>(() => {
            throw new TypeError('No user for pat.customer@example.invalid');
        }) as unknown as () => Promise<never>;

        await failureOf(method);

        const details = errorLogs()[0].Error__c ?? '';
        expect(details).toContain('Message: No user for [email]');
        expect(details).not.toContain('pat.customer@example.invalid');
    });
});
