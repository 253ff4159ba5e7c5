/**
 * One description of a mail renders both parts, so the plain text and the HTML always say the same.
 * The HTML uses inline styles and tables only: what mail clients render.
 */
export interface MailContent {
  subject: string
  /** The first line a reader sees. */
  heading: string
  paragraphs: string[]
  /** A quoted excerpt (a comment, a reason). */
  quote?: string
  action?: { label: string; url: string }
  /** Small print under the mail: why it came, how to stop it. */
  footer?: string[]
}

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)

// The product's primary colour (client/shell/theme.ts, brand.7) and its lightest tint.
const BRAND = '#44639f'

export function renderMail(content: MailContent): RenderedMail {
  const text = [
    content.heading,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.quote ? [content.quote.replace(/^/gm, '> '), ''] : []),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    '-- ',
    'Planroom',
    ...(content.footer ?? []),
  ].join('\n')

  const paragraphs = content.paragraphs
    .map((p) => `<p style="margin:0 0 16px;font-size:15px;line-height:1.55;color:#343a40">${escape(p)}</p>`)
    .join('')
  const quote = content.quote
    ? `<blockquote style="margin:0 0 16px;padding:8px 14px;border-left:3px solid ${BRAND};background:#eef3ff;color:#495057;font-size:14px;line-height:1.5">${escape(content.quote).replace(/\n/g, '<br>')}</blockquote>`
    : ''
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escape(content.action.url)}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:${BRAND};color:#ffffff;text-decoration:none;font-weight:600;font-size:15px">${escape(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:12px;color:#868e96;word-break:break-all">${escape(content.action.url)}</p>`
    : ''
  const footer = (content.footer ?? [])
    .map((f) => `<p style="margin:0 0 6px;font-size:12px;color:#868e96">${escape(f)}</p>`)
    .join('')
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f8f9fa;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f8f9fa;padding:32px 12px"><tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px">
<tr><td style="padding:0 4px 16px;font-size:18px;font-weight:700;color:${BRAND}">Planroom</td></tr>
<tr><td style="background:#ffffff;border:1px solid #e9ecef;border-radius:10px;padding:28px 28px 12px">
<h1 style="margin:0 0 18px;font-size:20px;line-height:1.3;color:#212529">${escape(content.heading)}</h1>
${paragraphs}${quote}${action}
</td></tr>
<tr><td style="padding:16px 4px">${footer}</td></tr>
</table></td></tr></table>
</body></html>`
  return { subject: content.subject, text, html }
}
