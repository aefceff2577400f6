import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCsv } from '../../client/data/csv.js';
import { DataError, DataFormatError } from '../../client/data/errors.js';
import { loadJsonRows } from '../../client/data/json-rows.js';

function dataError(run: () => unknown): DataError {
  try {
    run();
  } catch (err) {
    if (err instanceof DataError) return err;
    throw err;
  }
  throw new Error('expected a DataError');
}

function formatError(run: () => unknown): DataFormatError {
  try {
    run();
  } catch (err) {
    if (err instanceof DataFormatError) return err;
    throw err;
  }
  throw new Error('expected a DataFormatError');
}

describe('loadCsv', () => {
  it('parses features and labels, with quoted fields, CRLF, a BOM and a blank line', () => {
    const text = '\ufeffage,"income, net",class\r\n34,"1.5e3",1\r\n\r\n-2.5,.25,0\r\n';
    const data = loadCsv({ text }, { labelColumn: 'class' });
    expect(Array.from(data.x)).toEqual([34, 1500, -2.5, 0.25]);
    expect(data.exampleShape).toEqual([2]);
    expect(Array.from(data.y)).toEqual([1, 0]);
    expect(data.numClasses).toBe(2);
  });

  it('reads each column by its position, also where header names repeat', () => {
    const data = loadCsv({ text: 'x,x,label,x\n1,2,0,3\n4,5,1,6\n' }, { labelColumn: 'label' });
    expect(Array.from(data.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(data.y)).toEqual([0, 1]);
  });

  it('takes the label by index without a header, and maps class names', () => {
    const data = loadCsv({ text: 'cat,1,2\ndog,3,4\n"cat",5,6' }, { labelColumn: 0, hasHeader: false, classNames: ['dog', 'cat'] });
    expect(Array.from(data.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(data.y)).toEqual([1, 0, 1]);
    expect(data.numClasses).toBe(2);
  });

  it('reads a file and names it, the line and the column in errors', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cohort-csv-')), 'agency.csv');
    writeFileSync(path, 'a,label\n1,0\nx,1\n');
    const err = dataError(() => loadCsv({ path }, { labelColumn: 'label' }));
    expect(err.code).toBe('DATA_SCHEMA');
    expect(err.message).toBe(`${path}: 1 row with a value that is not a number in "a" (first at line 3, column 1: "x"); fix the cells, or declare the column categorical`);
  });

  it('counts lines inside quoted fields when reporting', () => {
    const err = dataError(() => loadCsv({ text: 'note,f,label\n"two\nlines",1,0\n"x",2,\n' }, { labelColumn: 'label' }));
    // "note" is a feature column here, so its text is not a number; line 2 starts the record.
    expect(err.message).toMatch(/2 rows with a value that is not a number in "note" \(first at line 2, column 1: "two\nlines"\)/);
    expect(err.message).toMatch(/1 row with a missing label "label" \(first at line 4, column 3\)/);
  });

  const header = 'f1,f2,label\n';
  const problems: [string, string, RegExp][] = [
    ['wrong column count', `${header}1,2,0\n1,2\n`, /1 row with a different number of fields from the header \(first at line 3, with 2\)/],
    ['non-numeric feature', `${header}1,2,0\n1,abc,1\n`, /1 row with a value that is not a number in "f2" \(first at line 3, column 2: "abc"\)/],
    ['hexadecimal feature', `${header}0x1F,2,0\n`, /not a number in "f1" \(first at line 2, column 1: "0x1F"\)/],
    ['missing feature', `${header}1,,0\n`, /1 row with a missing "f2" \(first at line 2, column 2\), which the schema's rule "error" refuses/],
    ['missing label', `${header}1,2,0\n3,4,\n`, /1 row with a missing label "label" \(first at line 3, column 3\)/],
    ['non-integer label', `${header}1,2,0.5\n`, /1 row with a label "label" outside its classes \(first at line 2, column 3: "0.5"\); expected a class index/],
    ['NaN', `${header}1,NaN,0\n`, /not a number in "f2" \(first at line 2, column 2: "NaN"\)/],
    ['Infinity', `${header}-Infinity,1,0\n`, /not a number in "f1" \(first at line 2, column 1: "-Infinity"\)/],
    ['float32 overflow', `${header}1e39,1,0\n`, /not a number in "f1" \(first at line 2, column 1: "1e39"\)/],
  ];
  for (const [name, text, message] of problems) {
    it(`reports ${name}, naming the line and column`, () => {
      const err = dataError(() => loadCsv({ text, source: 'upload.csv' }, { labelColumn: 'label' }));
      expect(err.code).toBe('DATA_SCHEMA');
      expect(err.message.startsWith('upload.csv: ')).toBe(true);
      expect(err.message).toMatch(message);
    });
  }

  it('counts every bad row, per kind and column, in one message', () => {
    const text = `${header}1,2,0\nx,2,0\n1,y,1\nz,2,\n1,2\n1,2,0\nw,3,1\n`;
    const err = dataError(() => loadCsv({ text, source: 'upload.csv' }, { labelColumn: 'label' }));
    expect(err.message).toMatch(/3 rows with a value that is not a number in "f1" \(first at line 3, column 1: "x"\)/);
    expect(err.message).toMatch(/1 row with a value that is not a number in "f2" \(first at line 4/);
    expect(err.message).toMatch(/1 row with a missing label "label" \(first at line 5/);
    expect(err.message).toMatch(/1 row with a different number of fields from the header \(first at line 6, with 2\)/);
  });

  const malformed: [string, string, number, RegExp][] = [
    ['unclosed quote', `${header}1,2,0\n"1,2,0\n`, 3, /not valid CSV: Quote Not Closed/],
    ['stray quote', `${header}1,2"x",0\n`, 2, /not valid CSV: Invalid Opening Quote/],
    ['text after a closing quote', `${header}"1"x,2,0\n`, 2, /not valid CSV: Invalid Closing Quote/],
  ];
  for (const [name, text, line, reason] of malformed) {
    it(`reports ${name} with its line`, () => {
      const err = formatError(() => loadCsv({ text, source: 'upload.csv' }, { labelColumn: 'label' }));
      expect(err.code).toBe('DATA_FORMAT');
      expect(err.line).toBe(line);
      expect(err.message).toMatch(reason);
      expect(err.message.startsWith(`upload.csv, line ${line}`)).toBe(true);
    });
  }

  it('reports an empty file, a header without rows, and an unknown label column', () => {
    expect(formatError(() => loadCsv({ text: '\n\n' }, { labelColumn: 0 })).reason).toBe('the file is empty');
    expect(formatError(() => loadCsv({ text: header }, { labelColumn: 'label' })).reason).toMatch(/no data rows/);
    expect(formatError(() => loadCsv({ text: `${header}1,2,0` }, { labelColumn: 'y' })).reason).toMatch(/no column named "y"/);
    expect(formatError(() => loadCsv({ text: `${header}1,2,0` }, { labelColumn: 'LABEL' })).reason).toMatch(/did you mean "label"\?/);
  });

  it('names a missing label column with a few header names, not hundreds', () => {
    const names = Array.from({ length: 785 }, (_, i) => `pixel${i}`);
    const text = `${names.join(',')}\n${names.map(() => '0').join(',')}\n`;
    const err = formatError(() => loadCsv({ text, source: 'digits.csv' }, { labelColumn: 'label' }));
    expect(err.message).toBe('digits.csv, line 1: no column named "label" for the label (dataset.labelColumn); the header has 785 columns: "pixel0", "pixel1", "pixel2", "pixel3", "pixel4", ... (780 more)');
  });

  it('rejects contradictory options, naming the argument', () => {
    expect(() => loadCsv({ text: '1,0' }, { labelColumn: 'label', hasHeader: false })).toThrow(TypeError);
    expect(() => loadCsv({ text: '1,0' }, { labelColumn: 5, hasHeader: false })).toThrow(/labelColumn/);
    expect(() => loadCsv({ text: '1,0' }, { labelColumn: 1, hasHeader: false, classNames: ['a', 'a'] })).toThrow(/classNames/);
  });
});

describe('loadJsonRows', () => {
  it('parses rows, ignoring extra fields, with numeric or named labels', () => {
    const text = JSON.stringify([
      { id: 'p1', features: [1, 2.5], label: 'sick' },
      { id: 'p2', features: [-3, 0], label: 'well' },
    ]);
    const data = loadJsonRows({ text }, { classNames: ['well', 'sick'] });
    expect(Array.from(data.x)).toEqual([1, 2.5, -3, 0]);
    expect(Array.from(data.y)).toEqual([1, 0]);
    expect(data.exampleShape).toEqual([2]);
    expect(loadJsonRows({ text: '[{"features":[1],"label":4}]' }).numClasses).toBe(5);
  });

  const cases: [string, string, string, RegExp][] = [
    ['empty file', '  ', '', /the file is empty/],
    ['invalid JSON', '[{"features": [1}]', '', /not valid JSON/],
    ['not an array', '{"features": [1]}', '', /expected a JSON array/],
    ['no rows', '[]', '', /holds no rows/],
    ['row not an object', '[{"features":[1],"label":0}, 3]', 'rows[1]', /found number 3/],
    ['wrong feature count', '[{"features":[1,2],"label":0},{"features":[1],"label":0}]', 'rows[1].features', /has 1 values, expected 2/],
    ['non-numeric feature', '[{"features":[1,"2"],"label":0}]', 'rows[0].features[1]', /expected a number, found the string "2"/],
    ['overflowing feature', '[{"features":[1e400],"label":0}]', 'rows[0].features[0]', /not a finite 32-bit float/],
    ['missing label', '[{"features":[1]}]', 'rows[0].label', /missing label/],
    ['negative label', '[{"features":[1],"label":-1}]', 'rows[0].label', /not a non-negative integer/],
    ['text label without class names', '[{"features":[1],"label":"cat"}]', 'rows[0].label', /pass classNames/],
  ];
  for (const [name, text, where, reason] of cases) {
    it(`reports ${name} with where it is`, () => {
      const err = formatError(() => loadJsonRows({ text, source: 'rows.json' }));
      expect(err.where).toBe(where);
      expect(err.reason).toMatch(reason);
    });
  }
});
