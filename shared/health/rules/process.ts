import { filled } from '../plan-index'
import { defineRule, spot } from '../rule'

/** Step 5: "Who is in charge of social media?" */
export const processWithoutOwner = defineRule({
  id: 'process-without-owner',
  severity: 'error',
  source: 'Step 5: "Who is in charge of social media?"',
  find: (plan) => {
    const section = plan.first('process')
    return section && filled(section.content.lead)
      ? []
      : [spot(section, ['lead'], 'Nobody is in charge of social media (Process & team).')]
  },
})

/** Step 6: "Write the guidelines… available to all major players." */
export const guidelinesEmpty = defineRule({
  id: 'guidelines-empty',
  severity: 'warning',
  source: 'Step 6: put everything in writing; write the guidelines',
  find: (plan) => {
    const section = plan.first('guidelines')
    return section && filled(section.bodyText)
      ? []
      : [spot(section, [], 'The guidelines are empty: write down what everyone follows.')]
  },
})
