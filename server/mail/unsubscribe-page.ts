/** The small public page an unsubscribe link opens: a confirm button (a GET changes nothing), then done. */
export function unsubscribePage(step: 'confirm' | 'done', action: string): string {
  const body =
    step === 'confirm'
      ? `<h1>Stop notification mail?</h1>
<p>You will no longer get mail about mentions, replies and approvals. Your inbox in Planroom keeps them all.</p>
<form method="post" action="${action.replace(/"/g, '&quot;')}"><button type="submit">Turn notification mail off</button></form>`
      : `<h1>Notification mail is off</h1>
<p>You can turn it back on any time in Planroom, under your account's mail settings.</p>
<p><a href="/">Open Planroom</a></p>`
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Planroom · Notification mail</title>
<style>body{margin:0;background:#f8f9fa;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,sans-serif;color:#343a40}
main{max-width:440px;margin:64px auto;background:#fff;border:1px solid #e9ecef;border-radius:10px;padding:28px}
h1{font-size:20px;margin:0 0 12px;color:#212529}p{line-height:1.55}.brand{color:#44639f;font-weight:700;margin-bottom:16px}
button{background:#44639f;color:#fff;border:0;border-radius:6px;padding:10px 18px;font-size:15px;font-weight:600;cursor:pointer}a{color:#44639f}</style>
</head><body><main><div class="brand">Planroom</div>${body}</main></body></html>`
}
