/** The Y.XmlFragment that holds a section's rich text (docs/product.md#interfaces-integrators-rely-on). */
export const BODY_FIELD = 'body'
