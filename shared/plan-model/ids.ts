const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * A new item id: 12 random characters (71 bits), so ids made by different people offline never
 * collide and links between sections can use them as they are. Works in browsers and Node.
 */
export function newItemId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  let id = ''
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length]
  return id
}
