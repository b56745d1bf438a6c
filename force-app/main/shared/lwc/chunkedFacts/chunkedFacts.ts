/**
 * Facts for selections larger than one Apex call: the server reads the facts of at most 200
 * records per call (its cap stays: a call's governor limits are sized for 200), so the browser
 * asks for them 200 at a time, one call after the other, reports "Checking 400 of 2,300", and
 * merges the answers into the facts of the whole selection, which the rules then plan as one.
 */

/** Records per facts call: the cap of `getEnablementFacts` and `getUpgradeFacts`. */
export const FACTS_CHUNK_SIZE = 200;

/** Progress of a chunked read: records whose facts have arrived, of the total. */
export interface FetchProgress {
    done: number;
    total: number;
}

/**
 * Calls `fetch` for each chunk of `items`, in order, and reports progress after each. Unlike a
 * run, a failed chunk fails the whole read: a plan made of part of the facts would be wrong.
 * @param items the records (ids, or richer rows)
 * @param fetch the facts of one chunk
 * @param onProgress told before the first call (0 of N) and after each chunk
 * @param size records per call
 * @returns one answer per chunk, in order; no call for no items
 */
export async function fetchInChunks<T, R>(
    items: readonly T[],
    fetch: (chunk: T[]) => Promise<R>,
    onProgress: (progress: FetchProgress) => void = () => undefined,
    size: number = FACTS_CHUNK_SIZE,
): Promise<R[]> {
    if (!Number.isInteger(size) || size < 1) {
        throw new RangeError(`Chunk size must be a positive integer, got ${size}`);
    }
    const answers: R[] = [];
    onProgress({ done: 0, total: items.length });
    for (let start = 0; start < items.length; start += size) {
        const chunk = items.slice(start, start + size);
        // Sequential: one call at a time keeps the org's load and the admin's session modest.
        // eslint-disable-next-line no-await-in-loop
        answers.push(await fetch(chunk));
        onProgress({ done: start + chunk.length, total: items.length });
    }
    return answers;
}

function unique(values: readonly string[]): string[] {
    return [...new Set(values)];
}

function uniqueById<T extends { id: string }>(records: readonly T[]): T[] {
    const byId = new Map<string, T>();
    for (const record of records) {
        byId.set(record.id, record);
    }
    return [...byId.values()];
}

/**
 * One selection's enablement facts from the facts of its chunks: every chunk's contacts (in
 * order), the usernames and nicknames any chunk found taken, and the org-level facts (profiles,
 * seats, permission sets, the admin) of the last chunk, the most recent read.
 * @param chunks the answers of `getEnablementFacts`, at least one
 * @returns the merged facts
 */
export function mergeEnablementFacts(
    chunks: readonly Apex.UserSetupService.EnablementFacts[],
): Apex.UserSetupService.EnablementFacts {
    if (chunks.length === 0) {
        throw new RangeError('No facts to merge');
    }
    const last = chunks[chunks.length - 1];
    return {
        ...last,
        contacts: uniqueById(chunks.flatMap((facts) => facts.contacts)),
        takenUsernames: unique(chunks.flatMap((facts) => facts.takenUsernames)),
        takenNicknames: unique(chunks.flatMap((facts) => facts.takenNicknames)),
    };
}

/**
 * One selection's upgrade facts from the facts of its chunks: every chunk's users (in order), the
 * target of the last chunk (seats as last read), and the person account count incomplete when any
 * chunk says so.
 * @param chunks the answers of `getUpgradeFacts` for one target, at least one
 * @returns the merged facts
 */
export function mergeUpgradeFacts(
    chunks: readonly Apex.LicenseUpgradeService.UpgradeFacts[],
): Apex.LicenseUpgradeService.UpgradeFacts {
    if (chunks.length === 0) {
        throw new RangeError('No facts to merge');
    }
    const last = chunks[chunks.length - 1];
    return {
        ...last,
        users: uniqueById(chunks.flatMap((facts) => facts.users)),
        personAccountCountIncomplete: chunks.some((facts) => facts.personAccountCountIncomplete),
    };
}
