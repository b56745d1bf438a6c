import { BYTE_ORDER_MARK, csvCell, csvDataUrl, neutralizeFormula, toCsv } from 'c/csvExport';

describe('neutralizeFormula', () => {
    it.each([
        ['=', '=HYPERLINK("http://evil.example","x")'],
        ['+', '+1+cmd|"/c calc"!A0'],
        ['-', '-2+3'],
        ['@', '@SUM(1,1)'],
        ['tab', '\t=1+1'],
        ['carriage return', '\r=1+1'],
    ])('prefixes a cell that starts with %s with a single quote', (_name, value) => {
        expect(neutralizeFormula(value)).toBe(`'${value}`);
    });

    it.each([
        ['=', '  =1+1'],
        ['+', ' +1'],
        ['-', '   -1'],
        ['@', ' @SUM(A1)'],
        ['tab', ' \tx'],
        ['carriage return', '  \rx'],
    ])('looks past leading spaces before %s', (_name, value) => {
        expect(neutralizeFormula(value)).toBe(`'${value}`);
    });

    it.each([
        ['a plain name', 'Ann Doe'],
        ['an email', 'ann@acme.com'],
        ['= inside the value', 'a=b'],
        ['+ inside the value', 'Smith + Sons'],
        ['- inside the value', 'Jean-Luc'],
        ['@ inside the value', 'ann@acme.com.ccsa'],
        ['a tab inside the value', 'a\tb'],
        ['a line break inside the value', 'Line 1\r\nLine 2'],
        ['spaces only', '   '],
        ['an empty cell', ''],
        ['an accent first', 'Émilie'],
        ['an already quoted value', "'=1"],
    ])('leaves %s alone', (_name, value) => {
        expect(neutralizeFormula(value)).toBe(value);
    });
});

describe('csvCell', () => {
    it('quotes commas, quotes and line breaks (RFC 4180), doubling the quotes inside', () => {
        expect(csvCell('Doe, Ann')).toBe('"Doe, Ann"');
        expect(csvCell('Bo "B" Li')).toBe('"Bo ""B"" Li"');
        expect(csvCell('Line 1\nLine 2')).toBe('"Line 1\nLine 2"');
        expect(csvCell('Line 1\r\nLine 2')).toBe('"Line 1\r\nLine 2"');
        expect(csvCell('plain')).toBe('plain');
    });

    it('neutralizes before quoting, so the quote sits inside the quoted cell', () => {
        expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
        expect(csvCell('\r=1+1')).toBe('"\'\r=1+1"');
        expect(csvCell('@SUM(1,1)')).toBe('"\'@SUM(1,1)"');
        expect(csvCell('-5')).toBe("'-5");
    });

    it('writes numbers and booleans as text, and nothing for null and undefined', () => {
        expect(csvCell(42)).toBe('42');
        expect(csvCell(-42)).toBe("'-42");
        expect(csvCell(true)).toBe('true');
        expect(csvCell(null)).toBe('');
        expect(csvCell(undefined)).toBe('');
    });
});

describe('toCsv', () => {
    it('starts with the byte-order mark, so that Excel keeps accents', () => {
        const csv = toCsv(['Contact'], [['Émilie Noël']]);
        expect(csv.charCodeAt(0)).toBe(0xfeff);
        expect(csv.startsWith(BYTE_ORDER_MARK)).toBe(true);
        expect(csv).toBe('\uFEFFContact\r\nÉmilie Noël\r\n');
    });

    it('writes the header and each row with CRLF line ends, every cell made safe', () => {
        expect(
            toCsv(
                ['Name', 'Note'],
                [
                    ['Doe, Ann', '=1+1'],
                    ['Bo', null],
                ],
            ),
        ).toBe('\uFEFFName,Note\r\n"Doe, Ann",\'=1+1\r\nBo,\r\n');
    });

    it('writes only the header when there are no rows', () => {
        expect(toCsv(['A', 'B'], [])).toBe('\uFEFFA,B\r\n');
    });
});

describe('csvDataUrl', () => {
    it('encodes the whole file, byte-order mark included', () => {
        const url = csvDataUrl(toCsv(['A'], [['é, "x"']]));
        expect(url.startsWith('data:text/csv;charset=utf-8,%EF%BB%BF')).toBe(true);
        expect(decodeURIComponent(url.slice('data:text/csv;charset=utf-8,'.length))).toBe('\uFEFFA\r\n"é, ""x"""\r\n');
    });
});
