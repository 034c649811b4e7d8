// Prints the text of a PDF read from stdin as JSON, `{ "pages": [{ "num": 1, "text": "…" }] }`;
// with `--png <file prefix>` it also renders each page to `<prefix>-<page>.png` (for people to
// look at, e.g. the documents' screenshots in e2e/.artifacts). Tests read documents through it in
// a child process: pdf.js starts a worker with a dynamic import, which jest's sandbox does not allow.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PDFParse } from 'pdf-parse';

const pngIndex = process.argv.indexOf('--png');
const pngPrefix = pngIndex > 0 ? process.argv[pngIndex + 1] : undefined;

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: Buffer.concat(chunks) });
try {
  const { pages } = await parser.getText();
  if (pngPrefix) {
    mkdirSync(dirname(pngPrefix), { recursive: true });
    const shots = await parser.getScreenshot({ scale: 1.5 });
    for (const shot of shots.pages) writeFileSync(`${pngPrefix}-${shot.pageNumber}.png`, Buffer.from(shot.data));
  }
  process.stdout.write(JSON.stringify({ pages: pages.map((page) => ({ num: page.num, text: page.text })) }));
} finally {
  await parser.destroy();
}
