// The trained models' stage: tokens in; UPOS, a dependency tree per sentence and named-entity
// tags out, as a SyntaxLayer parallel to the tokens. The models read words in the treebanks'
// conventions (words.ts maps our tokens to them, and the tree back onto the tokens); they are
// loaded once per process (or worker) on first use, so a run that extracts nothing never pays.
export { analyseSyntax, parseDocument, parseSentence, releaseSyntaxModels, syntaxModels, tagDocument, tagForParsing, tagSentences, tokenNames, type SentenceTree, type SyntaxModels, type TaggedSentence } from './analyse';
export { annotateConllu } from './conllu-out';
export { documentConllu, documentJson } from './format';
export { parseConllu, readConllu, type UdSentence } from './train/conllu';
