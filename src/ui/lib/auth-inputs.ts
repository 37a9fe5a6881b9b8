/** The administrator's username, on sign-in and first start: filled by password managers, never "corrected". */
export const USERNAME_INPUT = {
  autoComplete: 'username',
  autoCapitalize: 'none',
  spellCheck: false,
  required: true,
} as const;
