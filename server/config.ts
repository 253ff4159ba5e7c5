import path from 'node:path'

/** Settings from the environment (docs/product.md#interfaces-integrators-rely-on). */
export interface Config {
  port: number
  dataDir: string
  databaseUrl: string | null
  redisUrl: string | null
  /** Public origin used in invite URLs when the request does not say; e.g. https://plans.acme.com */
  publicUrl: string | null
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy. */
  trustProxy: boolean
  /** Outgoing mail server, e.g. smtp://user:pass@host:587 or smtps://…; null writes mail to the log. */
  smtpUrl: string | null
  /** The From of every mail. */
  mailFrom: string
  /** The built web app to serve (tests point it at their own build). */
  clientDir: string
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`)
  return {
    port,
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    redisUrl: env.REDIS_URL || null,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/$/, '') : null,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM || 'Planroom <planroom@localhost>',
    clientDir: path.resolve(env.CLIENT_DIR ?? 'dist/client'),
  }
}
