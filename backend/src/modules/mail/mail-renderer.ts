import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAIL_TEMPLATES, type MailTemplateName } from '@depot/contracts';
import Handlebars from 'handlebars';
import { MAIL_SUBJECTS, type MailTemplateData, type RenderedMail } from './mail-templates';

/** Where `<name>.html.hbs`, `<name>.txt.hbs` and the layouts live (copied into dist by nest-cli assets). */
export const MAIL_TEMPLATE_DIR = join(__dirname, 'templates');

type Template = Handlebars.TemplateDelegate;
type CompileOptions = Parameters<typeof Handlebars.compile>[1];

/** "2026-11-23 19:47 UTC": unambiguous for every reader, whatever their time zone. */
function formatUtc(value: unknown): string {
  const date = value instanceof Date ? value : new Date(String(value));
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Renders e-mails from Handlebars templates: the HTML part escapes every value (a display name
 * like `<b>` arrives as text), the text part does not; both are wrapped in a shared layout.
 * All templates are compiled once, at start, so a missing or broken file stops the process.
 */
export class MailRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly html = new Map<MailTemplateName, Template>();
  private readonly text = new Map<MailTemplateName, Template>();
  private readonly subjects = new Map<MailTemplateName, Template>();
  private readonly htmlLayout: Template;
  private readonly textLayout: Template;

  constructor(
    private readonly publicUrl: string,
    directory = MAIL_TEMPLATE_DIR,
  ) {
    this.handlebars.registerHelper('eq', (left: unknown, right: unknown) => left === right);
    this.handlebars.registerHelper('utc', formatUtc);
    const read = (file: string) => readFileSync(join(directory, file), 'utf8');
    // compile() only parses on first use; parse() now, so a broken template fails the start.
    const compile = (source: string, options: CompileOptions) => {
      this.handlebars.parse(source);
      return this.handlebars.compile(source, { strict: true, ...options });
    };
    const compileHtml = (source: string) => compile(source, {});
    const compileText = (source: string) => compile(source, { noEscape: true });
    this.htmlLayout = compileHtml(read('layout.html.hbs'));
    this.textLayout = compileText(read('layout.txt.hbs'));
    for (const name of MAIL_TEMPLATES) {
      this.html.set(name, compileHtml(read(`${name}.html.hbs`)));
      this.text.set(name, compileText(read(`${name}.txt.hbs`)));
      this.subjects.set(name, compileText(MAIL_SUBJECTS[name]));
    }
  }

  render<T extends MailTemplateName>(template: T, data: MailTemplateData[T]): RenderedMail {
    const context = { ...data, publicUrl: this.publicUrl };
    // One line, so no value can add a header to the message.
    const subject = this.subjects.get(template)!(context).replace(/\s+/g, ' ').trim().slice(0, 300);
    // Mail to a partner is signed by the company, not by Depot's account notice.
    const sender = template === 'document' ? (data as MailTemplateData['document']).sellerName : null;
    const html = this.htmlLayout({
      subject,
      sender,
      publicUrl: this.publicUrl,
      body: this.html.get(template)!(context),
    });
    const text = this.textLayout({ sender, publicUrl: this.publicUrl, body: this.text.get(template)!(context).trim() });
    return { subject, html, text: `${text.trim()}\n` };
  }
}
