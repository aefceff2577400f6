import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCsv } from '../../client/data/csv.js';
import { DataFormatError } from '../../client/data/format-error.js';
import { loadJsonRows } from '../../client/data/json-rows.js';

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

  it('takes the label by index without a header, and maps class names', () => {
    const data = loadCsv({ text: 'cat,1,2\ndog,3,4\n"cat",5,6' }, { labelColumn: 0, hasHeader: false, classNames: ['dog', 'cat'] });
    expect(Array.from(data.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(data.y)).toEqual([1, 0, 1]);
    expect(data.numClasses).toBe(2);
  });

  it('reads a file and names it in errors', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cohort-csv-')), 'agency.csv');
    writeFileSync(path, 'a,label\n1,0\nx,1\n');
    const err = formatError(() => loadCsv({ path }, { labelColumn: 'label' }));
    expect(err.message).toBe(`${path}, line 3, column 1 ("a"): "x" is not a number`);
  });

  it('counts lines inside quoted fields when reporting', () => {
    const err = formatError(() => loadCsv({ text: 'note,f,label\n"two\nlines",1,0\n"x",2,\n' }, { labelColumn: 'label' }));
    // "note" is a feature column here, so the first error is its text; line 2 starts the record.
    expect(err.line).toBe(2);
    expect(err.reason).toBe('"two\nlines" is not a number');
  });

  const header = 'f1,f2,label\n';
  const cases: [string, string, number, RegExp][] = [
    ['wrong column count', `${header}1,2,0\n1,2\n`, 3, /expected 3 columns, found 2/],
    ['non-numeric feature', `${header}1,2,0\n1,abc,1\n`, 3, /column 2 \("f2"\): "abc" is not a number/],
    ['hexadecimal feature', `${header}0x1F,2,0\n`, 2, /"0x1F" is not a number/],
    ['missing feature', `${header}1,,0\n`, 2, /column 2 \("f2"\): missing value/],
    ['missing label', `${header}1,2,0\n3,4,\n`, 3, /column 3 \("label"\): missing label/],
    ['non-integer label', `${header}1,2,0.5\n`, 2, /label "0.5" is not a class index/],
    ['NaN', `${header}1,NaN,0\n`, 2, /"NaN" is not a finite number/],
    ['Infinity', `${header}-Infinity,1,0\n`, 2, /"-Infinity" is not a finite number/],
    ['float32 overflow', `${header}1e39,1,0\n`, 2, /not a finite 32-bit float/],
    ['unclosed quote', `${header}1,2,0\n"1,2,0\n`, 3, /quoted field is never closed/],
    ['stray quote', `${header}1,2"x",0\n`, 2, /quote inside an unquoted field/],
    ['text after a closing quote', `${header}"1"x,2,0\n`, 2, /unexpected "x" after a closing quote/],
  ];
  for (const [name, text, line, reason] of cases) {
    it(`reports ${name} with its line`, () => {
      const err = formatError(() => loadCsv({ text, source: 'upload.csv' }, { labelColumn: 'label' }));
      expect(err.line).toBe(line);
      expect(err.message).toMatch(reason);
      expect(err.message.startsWith(`upload.csv, line ${line}`)).toBe(true);
    });
  }

  it('reports an empty file, a header without rows, and an unknown label column', () => {
    expect(formatError(() => loadCsv({ text: '\n\n' }, { labelColumn: 0 })).reason).toBe('the file is empty');
    expect(formatError(() => loadCsv({ text: header }, { labelColumn: 'label' })).reason).toMatch(/no data rows/);
    expect(formatError(() => loadCsv({ text: `${header}1,2,0` }, { labelColumn: 'y' })).reason).toMatch(/no column named "y"/);
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
