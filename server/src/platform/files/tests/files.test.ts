import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../../http/errors.js';
import { containerOf, detectType, FileStore, sanitizeFilename, type FileTypeName } from '../index.js';
import { docxSample, SAMPLES } from './samples.js';

const ALL: FileTypeName[] = [
  'pdf',
  'docx',
  'xlsx',
  'pptx',
  'doc',
  'xls',
  'wps',
  'ofd',
  'png',
  'jpeg',
  'gif',
  'txt',
];

describe('file store: type detection, file names, atomic content-addressed writes', () => {
  let root: string;
  let store: FileStore;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'luoshi-files-'));
    store = new FileStore(root);
  });
  after(() => rm(root, { recursive: true, force: true }));

  const evidence = (head: Buffer, utf8Text = false, zipEntries: string[] | null = null) => ({
    head,
    utf8Text,
    zipEntries,
  });

  test('types come from the bytes, and the extension must agree', () => {
    assert.equal(detectType(evidence(SAMPLES.pdf), '报告.pdf'), 'pdf');
    assert.equal(detectType(evidence(SAMPLES.png), '截图.PNG'), 'png');
    assert.equal(detectType(evidence(SAMPLES.jpeg), '照片.jpg'), 'jpeg');
    assert.equal(detectType(evidence(SAMPLES.gif), '图.gif'), 'gif');
    assert.equal(detectType(evidence(SAMPLES.text, true), '说明.txt'), 'txt');
    assert.equal(detectType(evidence(SAMPLES.ole), '旧版.doc'), 'doc');
    assert.equal(detectType(evidence(SAMPLES.ole), '表格.xls'), 'xls');
    assert.equal(detectType(evidence(SAMPLES.ole), '金山.wps'), 'wps');
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
    assert.equal(containerOf(zip), 'zip');
    assert.equal(
      detectType(evidence(zip, false, ['[Content_Types].xml', 'word/document.xml']), 'a.docx'),
      'docx',
    );
    assert.equal(
      detectType(evidence(zip, false, ['[Content_Types].xml', 'xl/workbook.xml']), 'a.xlsx'),
      'xlsx',
    );
    assert.equal(
      detectType(evidence(zip, false, ['[Content_Types].xml', 'ppt/presentation.xml']), 'a.pptx'),
      'pptx',
    );
    assert.equal(detectType(evidence(zip, false, ['OFD.xml', 'Doc_0/Document.xml']), '公文.ofd'), 'ofd');

    assert.equal(detectType(evidence(SAMPLES.exe), '报告.pdf'), null, 'an executable named .pdf');
    assert.equal(detectType(evidence(SAMPLES.png), '报告.pdf'), null, 'a picture named .pdf');
    assert.equal(detectType(evidence(SAMPLES.pdf), '报告.docx'), null, 'a PDF named .docx');
    assert.equal(
      detectType(evidence(Buffer.from('<html>'), true), '页面.html'),
      null,
      'HTML is not accepted',
    );
    assert.equal(detectType(evidence(zip, false, ['payload.js']), 'a.docx'), null, 'any zip is not a docx');
    assert.equal(detectType(evidence(SAMPLES.ole), '程序.exe'), null);
    assert.equal(detectType(evidence(SAMPLES.text, true), '说明'), null, 'no extension');
  });

  test('file names lose separators and control characters but keep Chinese', () => {
    assert.equal(sanitizeFilename('关于作风建设的报告（定稿）.docx'), '关于作风建设的报告（定稿）.docx');
    assert.equal(sanitizeFilename('../../etc/passwd'), '_.._etc_passwd');
    assert.equal(sanitizeFilename('C:\\temp\\a.pdf'), 'C__temp_a.pdf');
    assert.equal(sanitizeFilename('a\u0000b\r\n.txt'), 'ab.txt');
    assert.equal(sanitizeFilename('报告\u202Efdp.exe'), '报告fdp.exe', 'no direction override');
    assert.equal(sanitizeFilename(' . '), null);
    assert.equal(sanitizeFilename('..'), null);
    const long = sanitizeFilename(`${'长'.repeat(300)}.pdf`);
    assert.equal([...(long ?? '')].length, 200);
    assert.ok(long?.endsWith('.pdf'));
  });

  const chunks = (...parts: Buffer[]) => Readable.from(parts);
  const stored = async () =>
    (await readdir(root, { recursive: true, withFileTypes: true })).filter(
      (e) => e.isFile() && !e.parentPath.endsWith('tmp'),
    ).length;

  test('a file is stored once under its SM3 hash, and read back unchanged', async () => {
    const docx = await docxSample();
    const options = { filename: '办结报告.docx', maxBytes: 1 << 20, allowed: ALL };
    const first = await store.put(chunks(docx.subarray(0, 100), docx.subarray(100)), options);
    assert.equal(first.type, 'docx');
    assert.equal(first.size, docx.length);
    assert.match(first.hash, /^[0-9a-f]{64}$/);
    const again = await store.put(chunks(docx), options);
    assert.equal(again.hash, first.hash);
    assert.equal(await stored(), 1, 'same content, one file');
    assert.deepEqual(await readFile(store.pathOf(first.hash)), docx);
    const text = await store.put(chunks(SAMPLES.text.subarray(0, 4), SAMPLES.text.subarray(4)), {
      ...options,
      filename: '说明.txt',
    });
    assert.equal(text.type, 'txt', 'a character split across chunks is still UTF-8');
  });

  test('refused uploads leave nothing behind', async () => {
    const before = await stored();
    const refuse = async (source: Readable, filename: string, maxBytes: number, code: string) => {
      await assert.rejects(
        store.put(source, { filename, maxBytes, allowed: ALL }),
        (e: unknown) => e instanceof AppError && e.code === code && /^文件：/.test(e.message),
      );
    };
    await refuse(chunks(SAMPLES.exe), '报告.pdf', 1 << 20, 'FILE_TYPE_REFUSED');
    await refuse(chunks(Buffer.alloc(600, 0x41), Buffer.alloc(600, 0x41)), '大.txt', 1000, 'FILE_TOO_LARGE');
    await refuse(chunks(), '空.txt', 1000, 'VALIDATION_FAILED');
    await assert.rejects(
      store.put(chunks(SAMPLES.pdf), { filename: 'a.pdf', maxBytes: 1000, allowed: ['png'] }),
      /仅支持 png/,
    );
    assert.equal(await stored(), before);
    assert.deepEqual(await readdir(join(root, 'tmp')), []);
  });

  test('a hash that is not one, or has no file, is not found', async () => {
    await assert.rejects(store.open('../../luoshi.db'), /文件不存在/);
    await assert.rejects(store.open('0'.repeat(64)), /文件不存在/);
  });
});
