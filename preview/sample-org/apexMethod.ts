/**
 * Turns a sample implementation into what an `@salesforce/apex/<Class>.<method>` import is on
 * the platform: a function that returns a promise (imperative call) and a wire adapter
 * (`@wire`), with Apex's error shape and the latency of a server round trip.
 */
import UNEXPECTED_ERROR from '@salesforce/label/c.CCSA_Error_Unexpected';
import { formatLabel } from 'c/labelFormat';
import { newRecordId, platformNow, sampleOrg } from './org';
import { withoutEmails } from './emails';
import { insertLogRecord } from './logWriter';
// A cycle (session.ts imports ApexException from here): both sides use the other only inside
// functions, never while the modules load.
import { currentSession } from './session';
import type { Id } from './types';

/** The body of an Apex error as Lightning hands it to components (AuraHandledException and others). */
export interface ApexErrorBody {
    message: string;
    exceptionType: string;
    isUserDefinedException: boolean;
    stackTrace: string;
}

/** The rejection value of a failed Apex call, shaped like the platform's FetchResponse. */
export interface ApexErrorResponse {
    status: number;
    statusText: string;
    ok: false;
    headers: Record<string, string>;
    body: ApexErrorBody;
}

/** Throw this from a sample implementation to fail the call as Apex would. */
export class ApexException extends Error {
    readonly exceptionType: string;

    constructor(message: string, exceptionType = 'System.AuraHandledException') {
        super(message);
        this.name = 'ApexException';
        this.exceptionType = exceptionType;
    }
}

export function toApexError(error: unknown): ApexErrorResponse {
    const isApex = error instanceof ApexException;
    return {
        status: 500,
        statusText: 'Server Error',
        ok: false,
        headers: {},
        body: {
            message: error instanceof Error ? error.message : String(error),
            exceptionType: isApex ? error.exceptionType : 'System.UnexpectedException',
            isUserDefinedException: false,
            stackTrace: '',
        },
    };
}

/** Every reference starts with this, as in `SetupAssistantErrorReporter.REFERENCE_PREFIX`. */
export const ERROR_REFERENCE_PREFIX = 'CCSA-';

/** Action__c and Status__c of the log an unexpected error leaves (`SetupAssistantErrorEventHandler`). */
export const ERROR_ACTION = 'ERROR';
export const ERROR_STATUS = 'Failed';

/** `CCSA-` and ten upper-case hexadecimal digits, random. */
export function newErrorReference(): string {
    const bytes = new Uint8Array(5);
    if (typeof globalThis.crypto?.getRandomValues === 'function') {
        globalThis.crypto.getRandomValues(bytes);
    } else {
        bytes.forEach((_byte, index) => (bytes[index] = Math.floor(Math.random() * 256)));
    }
    const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${ERROR_REFERENCE_PREFIX}${hex.toUpperCase()}`;
}

/** The admin who made the call: the session's user, or the org's default one when even that fails. */
function runningUser(): { id: Id; name: string } {
    try {
        const { user } = currentSession();
        return { id: user.Id, name: user.Name };
    } catch {
        const fallback = sampleOrg.User.find((user) => user.Id === sampleOrg.defaultRunningUserId);
        return { id: sampleOrg.defaultRunningUserId, name: fallback?.Name ?? '' };
    }
}

/**
 * What `SetupAssistantAccess.toAuraException` does with an exception the package did not throw on
 * purpose (anything but an {@link ApexException} here): the details go to the log as an ERROR,
 * its first line the reference, and the admin gets the generic message with that reference.
 * On the platform the log is written by the `Setup_Assistant_Error__e` trigger, as the Automated
 * Process user; the sample org has no such user, so the log is the running admin's.
 * @param error what the sample implementation threw
 * @returns the exception the call fails with
 */
export function reportUnexpected(error: unknown): ApexException {
    const reference = newErrorReference();
    const user = runningUser();
    const failure = error instanceof Error ? error : new Error(String(error));
    const stack = failure.stack ?? '';
    const where = /\bat (\S+)/.exec(stack)?.[1] ?? '';
    const lines = [
        reference,
        `Type: ${failure.name}`,
        // As `SetupAssistantErrorEventHandler.details`: email addresses masked (withoutEmails).
        `Message: ${withoutEmails(failure.message)}`,
        `Where: ${where}`,
        `User: ${user.name} (${user.id})`,
    ];
    if (stack) {
        lines.push('Stack trace:', withoutEmails(stack) ?? '');
    }
    const logs = sampleOrg.Setup_Assistant_Log__c;
    insertLogRecord(sampleOrg, {
        Id: newRecordId(sampleOrg, 'Setup_Assistant_Log__c'),
        Name: `LOG-${String(logs.length + 1).padStart(7, '0')}`,
        Action__c: ERROR_ACTION,
        Status__c: ERROR_STATUS,
        Target_User__c: null,
        Snapshot__c: null,
        Before__c: null,
        After__c: null,
        Restored__c: null,
        Removed__c: null,
        Error__c: lines.join('\n'),
        CreatedDate: platformNow(),
        CreatedById: user.id,
    });
    return new ApexException(formatLabel(UNEXPECTED_ERROR, reference));
}

/** `?latency=<ms>` on the page slows every call down (default 250 ms) to show loading states. */
function latencyMs(): number {
    const search = typeof globalThis.location === 'object' ? globalThis.location.search : '';
    const value = Number(new URLSearchParams(search).get('latency') ?? 250);
    return Number.isFinite(value) && value >= 0 ? value : 250;
}

function delay(ms: number): Promise<void> {
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** Apex returns JSON: a fresh copy every time, never the sample org's own objects. */
function asJson<T>(value: T): T {
    return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function deepFreeze<T>(value: T): T {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value)) {
            deepFreeze(child);
        }
    }
    return value;
}

type Implementation<Params, Result> = (params: Params) => Result | Promise<Result>;

/** The sample implementation behind each wrapped method (see {@link implementationOf}). */
const IMPLEMENTATIONS = new WeakMap<object, Implementation<never, unknown>>();

/**
 * The sample implementation behind a method, to call directly: the simulated job engine runs the
 * services as a Queueable does on the platform, with no round trip and no latency (it adds its own
 * per chunk). The caller copies parameters and results itself, as Apex would serialise them.
 * @param method a method made by {@link apexMethod}
 * @returns the implementation
 */
export function implementationOf<Params extends Record<string, unknown> | void, Result>(
    method: ApexMethod<Params, Result>,
): Implementation<Params, Result> {
    const impl = IMPLEMENTATIONS.get(method as unknown as object);
    if (!impl) {
        throw new Error('Not a sample Apex method');
    }
    return impl as unknown as Implementation<Params, Result>;
}

/**
 * Marked on the page's performance timeline when a call's answer is handed to the component:
 * `npm run bench:ui` times "after the facts arrive" from it (bench/ui.bench.mjs).
 */
export const APEX_ANSWER_MARK = 'sample-org:apex-answer';

async function invoke<Params, Result>(impl: Implementation<Params, Result>, params: Params): Promise<Result> {
    await delay(latencyMs());
    try {
        const answer = asJson(await impl(asJson(params ?? ({} as Params))));
        globalThis.performance?.mark?.(APEX_ANSWER_MARK);
        return answer;
    } catch (error) {
        throw toApexError(error instanceof ApexException ? error : reportUnexpected(error));
    }
}

type DataCallback<Result> = (value: { data?: Result; error?: unknown }) => void;

/**
 * Wraps a sample implementation.
 * @param impl receives the call's parameters object (as Apex receives named arguments)
 * @returns a callable that is also a wire adapter constructor
 */
export function apexMethod<Params extends Record<string, unknown> | void, Result>(
    impl: Implementation<Params, Result>,
): ApexMethod<Params, Result> {
    class Adapter {
        private readonly dataCallback: DataCallback<Result>;
        private connected = false;
        private generation = 0;

        constructor(dataCallback: DataCallback<Result>) {
            this.dataCallback = dataCallback;
        }

        connect(): void {
            this.connected = true;
        }

        disconnect(): void {
            this.connected = false;
            this.generation++;
        }

        update(config: Record<string, unknown> | undefined): void {
            // The platform does not call a wired Apex method while any parameter is undefined.
            if (config && Object.values(config).some((value) => value === undefined)) {
                return;
            }
            const generation = ++this.generation;
            invoke(impl, config as Params).then(
                (data) => this.emit(generation, { data: deepFreeze(data), error: undefined }),
                (error: unknown) => this.emit(generation, { data: undefined, error }),
            );
        }

        /** Only the latest call's answer is delivered, and never after disconnect. */
        private emit(generation: number, value: { data?: Result; error?: unknown }): void {
            if (this.connected && generation === this.generation) {
                this.dataCallback(value);
            }
        }
    }

    // `new method(cb)` yields the adapter (the engine constructs it), a plain call runs Apex;
    // `.adapter` is the engine's documented hook for callable adapters.
    function method(this: unknown, ...args: unknown[]): unknown {
        if (new.target) {
            return new Adapter(args[0] as DataCallback<Result>);
        }
        return invoke(impl, args[0] as Params);
    }
    Object.defineProperty(method, 'adapter', { value: Adapter });
    IMPLEMENTATIONS.set(method, impl as Implementation<never, unknown>);
    return method as unknown as ApexMethod<Params, Result>;
}
