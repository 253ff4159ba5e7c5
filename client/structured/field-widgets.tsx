// Mantine's number and choice inputs (with the number formatter and the combobox they are built on), split
// from the plan page like the date picker: reading a plan needs none of them, and they load right after it.
export { Autocomplete, MultiSelect, NumberInput, Select, TagsInput } from '@mantine/core'
