import { renderMail } from '../mail/templates'

export const PASSWORD_RESET_TTL_MS = 60 * 60_000

export const passwordResetMail = (name: string, url: string) =>
  renderMail({
    subject: 'Reset your Planroom password',
    heading: 'Reset your password',
    paragraphs: [
      `Hello ${name}, someone (we hope you) asked to reset the password of your Planroom account.`,
      'The link works once, for one hour. Setting a new password signs you out everywhere.',
    ],
    action: { label: 'Choose a new password', url },
    footer: ['If you did not ask for this, ignore this mail: your password stays as it is.'],
  })
