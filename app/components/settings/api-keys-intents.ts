/** The two forms of the API keys page, told apart by their `intent` field. */
export const CREATE_KEY_INTENT = 'create-key'
export const REVOKE_KEY_INTENT = 'revoke-key'
