package org.queqiao.desk.bot;

/** One knowledge-base entry found for a question, with its raw BM25 score (comparable within one search only). */
public record FaqMatch(FaqEntry entry, float score) {}
