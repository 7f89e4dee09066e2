package org.queqiao.bench;

import org.queqiao.desk.bot.FaqEntry;
import org.queqiao.desk.bot.FaqMatch;
import org.queqiao.desk.bot.FaqSearchResult;
import org.queqiao.desk.bot.KnowledgeBase;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Retrieval quality on the development set: every test question is searched once, and its outcome kept,
 * so accuracy and the coverage/precision trade-off of any answer threshold are computed from the same runs.
 */
final class DeskBotScores {
    /**
     * One test question's outcome: where the right entry ranked (-1: not in the top 3; out of scope: always -1),
     * and its half of the dev set (see {@link Case}).
     */
    record Outcome(boolean inScope, boolean chinese, int rank, double confidence, int half) {}

    /**
     * A test question, the entry that answers it (null: out of scope), the knowledge base it is asked of, and
     * its half of the dev set: questions alternate between half 0, on which retrieval settings are chosen, and
     * half 1, held out to check that what was chosen was not fitted to the questions it was chosen on.
     */
    record Case(String text, FaqEntry expected, KnowledgeBase kb, int half) {}

    final List<Outcome> outcomes = new ArrayList<>();

    DeskBotScores(List<Case> cases) {
        for (Case k : cases) {
            FaqSearchResult r = k.kb().search(k.text(), 3);
            int rank = -1;
            List<FaqMatch> c = r.candidates();
            for (int i = 0; k.expected() != null && i < c.size(); i++) if (c.get(i).entry().id().equals(k.expected().id())) rank = i;
            outcomes.add(new Outcome(k.expected() != null, DeskBotDevSet.isChinese(k.text()), rank, r.confidence(), k.half()));
        }
    }

    /** Share of in-scope questions (of those the filter keeps) whose right entry is within the first {@code k}. */
    double recallAt(int k, Predicate<Outcome> filter) {
        List<Outcome> in = outcomes.stream().filter(o -> o.inScope() && filter.test(o)).toList();
        return (double) in.stream().filter(o -> o.rank() >= 0 && o.rank() < k).count() / in.size();
    }

    /** What answering from {@code threshold} on would do. */
    record AtThreshold(double threshold, double coverage, double precision, double outOfScopeAnswered, int answers) {}

    AtThreshold at(double threshold) {
        return at(threshold, o -> true);
    }

    /** What answering from {@code threshold} on would do with the questions the filter keeps. */
    AtThreshold at(double threshold, Predicate<Outcome> filter) {
        long inScope = 0, answeredIn = 0, correct = 0, outOfScope = 0, answeredOut = 0;
        for (Outcome o : outcomes) {
            if (!filter.test(o)) continue;
            boolean answered = o.confidence() >= threshold && o.confidence() > 0;
            if (o.inScope()) {
                inScope++;
                if (answered) answeredIn++;
                if (answered && o.rank() == 0) correct++;
            } else {
                outOfScope++;
                if (answered) answeredOut++;
            }
        }
        long answers = answeredIn + answeredOut;
        return new AtThreshold(threshold, (double) answeredIn / inScope, answers == 0 ? 1 : (double) correct / answers,
                (double) answeredOut / outOfScope, (int) answers);
    }

    /** The lowest threshold (0.01 steps) whose answers are at least {@code precision} correct, or null if none. */
    AtThreshold lowestWithPrecision(double precision) {
        return lowestWithPrecision(precision, o -> true);
    }

    /** The same over the questions the filter keeps. */
    AtThreshold lowestWithPrecision(double precision, Predicate<Outcome> filter) {
        for (int t = 1; t <= 100; t++) {
            AtThreshold a = at(t / 100.0, filter);
            if (a.precision() >= precision && a.answers() > 0) return a;
        }
        return null;
    }
}
