/**
 * A section keeps the segmenter's confidence in its heading (issue 17), so `show` can mark a
 * doubtful tree. NULL for documents stored before (and for sections the segmenter gave none).
 */
export const sql = `
ALTER TABLE sections ADD COLUMN confidence REAL;
`;
