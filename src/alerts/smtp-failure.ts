/**
 * A failed SMTP delivery in words the seller can act on: what went wrong, where, and the server's own answer
 * when it gave one. Built from nodemailer's error code and the SMTP response only; `secrets` (password, user of
 * a URL) are cut out of the server's answer too, in case a server echoes them.
 */
export function describeSmtpFailure(cause: unknown, where: string, secrets: readonly string[]): string {
  const { code, responseCode, response, message } = (cause ?? {}) as {
    code?: string;
    responseCode?: number;
    response?: string;
    message?: string;
  };
  const said = response ? ` The server answered: "${redact(response, secrets).slice(0, 300)}".` : '';
  const detail = redact(String(message ?? ''), secrets);
  if (code === 'EAUTH')
    return responseCode
      ? `The SMTP server at ${where} refused the user name or password.${said}`
      : `The SMTP server at ${where} offers no way to sign in with a user name and password: leave the user empty or choose another TLS mode.${said}`;
  if (code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(detail))
    return `The SMTP host in ${where} was not found: check its name.`;
  if (/ECONNREFUSED/.test(detail)) return `Nothing answers at ${where}: check the host and the port.`;
  if (code === 'ETIMEDOUT' || /timeout|ETIMEDOUT/i.test(detail))
    return `The SMTP server at ${where} did not answer in time: check the host, the port and any firewall in between.`;
  if (code === 'ETLS' || /STARTTLS/i.test(detail))
    return `The SMTP server at ${where} does not offer STARTTLS: choose the TLS mode it supports (TLS on port 465, or none).${said}`;
  if (/SSL|TLS|certificate|wrong version number/i.test(detail))
    return `The secure connection to ${where} failed (${detail.slice(0, 200)}): check the TLS mode (port 465 usually uses TLS, 587 STARTTLS) and the server's certificate.`;
  if (code === 'EENVELOPE')
    return `The SMTP server at ${where} refused the sender or a recipient address.${said}`;
  if (code === 'ECONNECTION' || code === 'ESOCKET')
    return `The connection to ${where} broke off (${detail.slice(0, 200) || 'no reason given'}).`;
  return `The SMTP server at ${where} did not take the e-mail${responseCode ? ` (${responseCode})` : ''}.${said}`;
}

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 3) out = out.split(secret).join('•••');
  return out;
}
