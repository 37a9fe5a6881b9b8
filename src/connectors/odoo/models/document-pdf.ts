import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type { ErpDocumentPdf } from '../../../core/ports/erp.port.ts';
import { many2one, text, type OdooClient } from '../odoo.client.ts';

const moveSchema = z.looseObject({
  id: z.number(),
  name: text,
  state: z.string(),
  move_type: z.string(),
  invoice_pdf_report_id: many2one,
});
const attachmentSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  datas: z.union([z.string(), z.literal(false)]),
});

const PDF_MAGIC = '%PDF';

/**
 * The invoice's PDF as Odoo keeps it (`invoice_pdf_report_id`, an attachment hidden from plain attachment
 * searches); none yet: Odoo's own "Send & Print" renders and stores it (posting does not, and the renderer
 * itself is private over RPC — NOTES.md). `get_invoice_pdf_report_attachment` is left alone: it answers the
 * bytes as latin-1 text.
 */
export async function documentPdf(client: OdooClient, documentId: string): Promise<ErpDocumentPdf> {
  const id = Number(documentId);
  const read = async () =>
    Number.isSafeInteger(id) && id > 0
      ? (
          await client.read(
            'account.move',
            [id],
            ['name', 'state', 'move_type', 'invoice_pdf_report_id'],
            undefined,
            moveSchema,
          )
        )[0]
      : undefined;
  const move = await read();
  if (!move || !['out_invoice', 'out_refund'].includes(move.move_type)) {
    throw new AppError(
      'not_found',
      'odoo.document_not_found',
      `Odoo has no customer invoice or credit note ${documentId}.`,
    );
  }
  if (move.state !== 'posted') {
    throw unavailable(
      `${move.name ?? 'The draft'} is not posted: post it in Odoo, then its PDF can be sent.`,
    );
  }
  let attachment = move.invoice_pdf_report_id;
  if (!attachment) {
    await sendAndPrint(client, id, move.name ?? documentId);
    attachment = (await read())?.invoice_pdf_report_id ?? false;
  }
  if (!attachment) {
    throw unavailable(`Odoo rendered no PDF for ${move.name}: open it in Odoo and use "Send & Print" once.`);
  }
  const [file] = await client.read(
    'ir.attachment',
    [attachment[0]],
    ['name', 'datas'],
    undefined,
    attachmentSchema,
  );
  const pdf = file?.datas ? Buffer.from(file.datas, 'base64') : Buffer.alloc(0);
  if (pdf.subarray(0, 4).toString('latin1') !== PDF_MAGIC) {
    throw unavailable(
      `The file Odoo keeps for ${move.name} is not a PDF: print it again in Odoo ("Send & Print").`,
    );
  }
  return { fileName: file?.name ?? `${move.name ?? documentId}.pdf`, pdf: new Uint8Array(pdf) };
}

async function sendAndPrint(client: OdooClient, id: number, name: string): Promise<void> {
  const wizard = client.dialect.sendAndPrint(id);
  try {
    const wizardId = await client.create(wizard.model, wizard.vals, wizard.context);
    await client.call(wizard.model, 'action_send_and_print', [wizardId], { context: wizard.context });
  } catch (error) {
    // A UserError here is the server's renderer (e.g. "Unable to find Wkhtmltopdf on this system").
    if (error instanceof AppError && error.code === 'odoo.rejected') {
      throw unavailable(
        `Odoo could not render the PDF of ${name} (${error.message}). Make PDF printing work on the Odoo ` +
          'server (wkhtmltopdf) or attach the PDF by printing it in Odoo; it is sent on the next run.',
        error,
      );
    }
    throw error;
  }
}

const unavailable = (message: string, cause?: AppError): AppError =>
  new AppError('rejected', 'odoo.pdf_unavailable', message, cause ? { cause, details: cause.details } : {});
