import { CHUNK_SIZE, chunk, runInChunks } from 'c/bulkRunner';
import type { Progress } from 'c/bulkRunner';

describe('chunk', () => {
    it('splits into chunks of 200 by default, the last one shorter', () => {
        const rows = Array.from({ length: 450 }, (_, i) => i);
        expect(chunk(rows).map((part) => part.length)).toEqual([200, 200, 50]);
        expect(chunk(rows).flat()).toEqual(rows);
        expect(CHUNK_SIZE).toBe(200);
    });

    it('returns no chunk for no rows, and refuses a size below 1', () => {
        expect(chunk([])).toEqual([]);
        expect(() => chunk([1], 0)).toThrow(RangeError);
        expect(() => chunk([1], 1.5)).toThrow(RangeError);
    });
});

describe('runInChunks', () => {
    it('runs chunks one after the other and reports progress after each', async () => {
        const rows = Array.from({ length: 5 }, (_, i) => i);
        let running = 0;
        const calls: number[][] = [];
        const progress: Progress[] = [];
        const results = await runInChunks(
            rows,
            async (part) => {
                running += 1;
                expect(running).toBe(1);
                calls.push(part);
                await Promise.resolve();
                running -= 1;
                return part.map((n) => n * 10);
            },
            () => [],
            (step) => progress.push(step),
            2,
        );
        expect(calls).toEqual([[0, 1], [2, 3], [4]]);
        expect(results).toEqual([0, 10, 20, 30, 40]);
        expect(progress).toEqual([
            { done: 2, total: 5, percent: 40 },
            { done: 4, total: 5, percent: 80 },
            { done: 5, total: 5, percent: 100 },
        ]);
    });

    it('gives the rows of a failed chunk their error and goes on', async () => {
        const results = await runInChunks(
            [1, 2, 3],
            async (part) => {
                if (part.includes(2)) {
                    throw new Error('boom');
                }
                return part.map((n) => `ok ${n}`);
            },
            (part, error) => part.map((n) => `failed ${n}: ${(error as Error).message}`),
            undefined,
            1,
        );
        expect(results).toEqual(['ok 1', 'failed 2: boom', 'ok 3']);
    });
});
