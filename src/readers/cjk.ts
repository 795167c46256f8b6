/** Which characters Chinese text sets without spaces between them: where a reader prints no space. */

// Han, kana, full-width punctuation and forms.
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/;

export const isCjk = (ch: string | undefined) => ch !== undefined && CJK.test(ch);
