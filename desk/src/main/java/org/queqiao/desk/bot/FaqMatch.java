package org.queqiao.desk.bot;

/**
 * One knowledge-base entry found for a question, with its score: raw BM25 (comparable within one search only),
 * or with an embedder the blend of BM25 and cosine described in FaqIndex.
 */
public record FaqMatch(FaqEntry entry, float score) {}
