/**
 * Turns a sample implementation into what an `@salesforce/apex/<Class>.<method>` import is on
 * the platform: a function that returns a promise (imperative call) and a wire adapter
 * (`@wire`), with Apex's error shape and the latency of a server round trip.
 */

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

async function invoke<Params, Result>(impl: Implementation<Params, Result>, params: Params): Promise<Result> {
    await delay(latencyMs());
    try {
        return asJson(await impl(asJson(params ?? ({} as Params))));
    } catch (error) {
        throw toApexError(error);
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
    return method as unknown as ApexMethod<Params, Result>;
}
