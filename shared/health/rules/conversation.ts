import { filled } from '../plan-index'
import { defineRule, spot } from '../rule'

/** Key "line of conversation": "…as well as a Crisis Response Manual." */
export const noCrisisManual = defineRule({
  id: 'no-crisis-manual',
  severity: 'error',
  source: 'Key "line of conversation": a Crisis Response Manual',
  find: (plan) => {
    const section = plan.first('line_of_conversation')
    const written = section?.content.crisisManual.some((e) => filled(e.situation) || filled(e.response)) ?? false
    return written
      ? []
      : [
          spot(
            section,
            ['crisisManual'],
            'There is no crisis response manual: say what to do, and who does it, when things go wrong.',
          ),
        ]
  },
})
