// Prints the text of a PDF read from stdin as JSON, `{ "pages": [{ "num": 1, "text": "…" }] }`.
// Tests read documents through it in a child process: pdf.js starts a worker with a dynamic
// import, which jest's module sandbox does not allow.
import { PDFParse } from 'pdf-parse';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: Buffer.concat(chunks) });
try {
  const { pages } = await parser.getText();
  process.stdout.write(JSON.stringify({ pages: pages.map((page) => ({ num: page.num, text: page.text })) }));
} finally {
  await parser.destroy();
}
