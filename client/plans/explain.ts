/** What a plan is, in one breath: shown wherever someone meets plans for the first time. */
export const WHAT_IS_A_PLAN =
  'A plan is your social media strategy, written together in six steps: objectives per department, the competition, your positioning, the strategy for each network, the process and the written guidelines.'
