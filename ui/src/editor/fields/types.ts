/** One choice of a SelectField; the label is already translated, null is "none". */
export type Option = { value: string | null; label: string };
