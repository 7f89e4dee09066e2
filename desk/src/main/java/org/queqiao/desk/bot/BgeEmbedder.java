package org.queqiao.desk.bot;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

import java.util.ArrayList;
import java.util.List;

/**
 * BAAI's bge-small v1.5 sentence models, int8-quantised ONNX shipped in Maven jars and run in process by ONNX
 * Runtime (no service, no download): the Chinese model for text with any Han character, the English one
 * otherwise. Measured on the dev set (one KB with every FAQ, cosine of phrasings only): on English questions
 * the Chinese model finds the right FAQ first 48 % of the time, the English one 85 %. Loading both takes about
 * 2 s and adds about 400 MB of resident memory (ONNX Runtime's, outside the Java heap), and the jars add about
 * 150 MB (ONNX Runtime's natives for every platform are most of it): one instance serves the whole process
 * ({@link #shared()}); it is thread-safe. DJL extracts its tokenizer library to ~/.djl.ai (DJL_CACHE_DIR moves it).
 * The model jars are optional dependencies of desk: a module that uses this class declares them (see desk/pom.xml).
 */
public final class BgeEmbedder implements TextEmbedder {
    private static volatile BgeEmbedder shared;

    private final EmbeddingModel chinese = new BgeSmallZhV15QuantizedEmbeddingModel();
    private final EmbeddingModel english = new BgeSmallEnV15QuantizedEmbeddingModel();

    /** The process's instance, loaded on first use. */
    public static BgeEmbedder shared() {
        BgeEmbedder s = shared;
        if (s == null) {
            synchronized (BgeEmbedder.class) {
                if (shared == null) shared = new BgeEmbedder();
                s = shared;
            }
        }
        return s;
    }

    private BgeEmbedder() {}

    @Override
    public List<Vector> embed(List<String> texts) {
        List<Vector> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) out.add(null);
        embedWith("bge-small-zh-v1.5", chinese, texts, true, out);
        embedWith("bge-small-en-v1.5", english, texts, false, out);
        return out;
    }

    /** Embeds, in one batch, the texts of one language, putting each vector at its text's place. */
    private static void embedWith(String name, EmbeddingModel model, List<String> texts, boolean chinese, List<Vector> out) {
        List<Integer> places = new ArrayList<>();
        List<TextSegment> segments = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (isChinese(texts.get(i)) != chinese) continue;
            places.add(i);
            // a blank segment is refused by langchain4j; it still needs a vector (that matches nothing well)
            segments.add(TextSegment.from(texts.get(i).isBlank() ? "?" : texts.get(i)));
        }
        if (segments.isEmpty()) return;
        List<Embedding> embeddings = model.embedAll(segments).content();
        for (int k = 0; k < places.size(); k++) out.set(places.get(k), new Vector(name, unit(embeddings.get(k).vector())));
    }

    static boolean isChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * inv;
        return out;
    }
}
