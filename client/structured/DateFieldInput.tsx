// Mantine's date picker and its styles, split from the plan page: most sections have no date field.
import '@mantine/dates/styles.css'
export { DateInput as default } from '@mantine/dates'
