/** Limits shared by the server (enforcing) and the client (forms that stay inside them). */
export const LIMITS = {
  /** Largest JSON body the API reads. */
  requestBodyBytes: 256 * 1024,
  nameLength: 80,
  emailLength: 254,
  passwordMin: 10,
  passwordMax: 256,
  workspaceNameLength: 80,
  departmentNameLength: 60,
  planTitleLength: 120,
  templateNameLength: 80,
  /** Each of a workspace's own templates holds a whole plan. */
  templatesPerWorkspace: 50,
  networkNameLength: 40,
  networksPerPlan: 30,
  departmentsPerWorkspace: 30,
  /** Invite links are valid this long. */
  inviteTtlMs: 7 * 24 * 60 * 60 * 1000,
  /** One comment's text, mention markup included. */
  commentLength: 10_000,
  mentionsPerComment: 20,
  /** The words a text comment was made on, kept for when they are deleted. */
  anchorQuoteLength: 1_000,
  /** An encoded Yjs relative position, base64 (real ones are a few dozen characters). */
  anchorPositionLength: 512,
  commentsPerThread: 500,
  approvalReasonLength: 2_000,
  /** Largest page of notifications or activity events one request returns. */
  pageSize: 200,
} as const
