import { createHash } from 'node:crypto';
import { userError } from '../errors.ts';
import type { Env, Rec } from '../models/types.ts';
import { moveTotals } from './invoice.ts';

/** A one-page PDF 1.4 with a few lines of text: small, but a file any PDF reader opens. */
export function textPdf(lines: readonly string[]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
  const stream = `BT /F1 12 Tf 56 780 Td 16 TL ${lines.map((l) => `(${escape(l)}) '`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * "Send & Print" on a posted invoice: renders its PDF once and keeps it as the attachment of the field
 * `invoice_pdf_report_file` (a second run reuses it, as recorded). Without a renderer it fails like a server
 * without wkhtmltopdf (the real 17 and 19 of CI).
 */
export function storeInvoicePdf(env: Env, move: Rec): number {
  const stored = Number(move.invoice_pdf_report_id) || 0;
  if (stored && env.db.get('ir.attachment', stored)) return stored;
  if (!env.db.pdfRenderer) {
    throw userError('Unable to find Wkhtmltopdf on this system. The PDF can not be created.');
  }
  const name = String(move.name);
  const textOf = (value: unknown) => (typeof value === 'string' ? value : '');
  const currency = textOf(env.db.get('res.currency', Number(move.currency_id))?.name);
  const partner = textOf(env.db.get('res.partner', Number(move.partner_id))?.name);
  const pdf = textPdf([
    move.move_type === 'out_refund' ? `Credit Note ${name}` : `Invoice ${name}`,
    partner,
    `Source: ${textOf(move.invoice_origin)}`,
    `Total: ${moveTotals(env, move).total.toFixed(2)} ${currency}`,
  ]);
  const now = env.now();
  const attachment = env.db.insert('ir.attachment', {
    name: `${name.replace(/\//g, '_')}.pdf`,
    type: 'binary',
    mimetype: 'application/pdf',
    file_size: pdf.length,
    res_model: 'account.move',
    res_id: move.id,
    res_field: 'invoice_pdf_report_file',
    checksum: createHash('sha1').update(pdf).digest('hex'),
    datas: pdf.toString('base64'),
    create_date: now,
    write_date: now,
  });
  Object.assign(move, {
    invoice_pdf_report_id: attachment.id,
    message_main_attachment_id: attachment.id,
    write_date: now,
  });
  return attachment.id;
}
